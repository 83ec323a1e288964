using OpenCvSharp;

namespace KycOcr.Core.Quality;

/// <summary>
/// The detector's first step: the edge maps it works on. Strong edges close the outlines; weak ones (faint sides
/// too, above the photo's grain) back the sides that the candidates are judged and searched on.
/// </summary>
internal static class DetectorEdges
{
    /// <summary>Grey edges plus colour edges: a blue header on a grey table can have the table's grey level.</summary>
    public static Mat Strong(Mat bgr, Mat gray)
    {
        var edges = new Mat();
        using var blurred = new Mat();
        Cv2.GaussianBlur(gray, blurred, new Size(5, 5), 0);
        Cv2.Canny(blurred, edges, 40, 120);

        AddChannelEdges(bgr, edges, blurSize: 5, low: 50, high: 150);
        return edges;
    }

    /// <summary>
    /// Faint edges too (a dark header on a dark table, a pale card on white paper): the side search
    /// demands long straight runs of them, so speckle does not matter; a soft drop shadow stays below the
    /// threshold. On a grainy surface, though, the grain's own edges come so thick (two pixels in five in a
    /// noisy 12 MP photo of a textured table) that every line across it looks backed; there the threshold
    /// rises with the photo's typical gradient, which a plain surface or a document's flat print keeps near 0.
    /// </summary>
    public static Mat Weak(Mat bgr, Mat gray)
    {
        var edges = new Mat(bgr.Size(), MatType.CV_8UC1, Scalar.All(0));
        var low = Math.Max(WeakEdgeThreshold, GrainThresholdFactor * MedianGradient(gray));
        AddChannelEdges(bgr, edges, blurSize: 3, low: low, high: 3 * low);
        return edges;
    }

    /// <summary>The weak edges' lower Canny threshold on a plain surface (the upper is three times it).</summary>
    private const double WeakEdgeThreshold = 18;

    /// <summary>
    /// The weak threshold in multiples of the median gradient. Tuned on the specimen photos at 4032x3024 with
    /// sensor noise: 1.5 drops the grain without losing a pale card's edge.
    /// </summary>
    private const double GrainThresholdFactor = 1.5;

    /// <summary>The median L1 Sobel gradient (the measure Canny thresholds) of the lightly blurred grey image.</summary>
    private static double MedianGradient(Mat gray)
    {
        using var blurred = new Mat();
        Cv2.GaussianBlur(gray, blurred, new Size(3, 3), 0);
        using var gx = new Mat();
        using var gy = new Mat();
        Cv2.Sobel(blurred, gx, MatType.CV_16S, 1, 0);
        Cv2.Sobel(blurred, gy, MatType.CV_16S, 0, 1);
        using var ax = new Mat();
        using var ay = new Mat();
        Cv2.ConvertScaleAbs(gx, ax);
        Cv2.ConvertScaleAbs(gy, ay);
        using var sum = new Mat();
        // Saturates at 255, far above any threshold this picks.
        Cv2.Add(ax, ay, sum);
        using var hist = new Mat();
        Cv2.CalcHist([sum], [0], null, hist, 1, [256], [new Rangef(0, 256)]);
        var half = sum.Total() / 2.0;
        var seen = 0.0;
        for (var v = 0; v < 256; v++)
        {
            seen += hist.At<float>(v);
            if (seen >= half)
                return v;
        }
        return 255;
    }

    /// <summary>ORs into <paramref name="edges"/> the Canny edges of each colour channel of the blurred image.</summary>
    private static void AddChannelEdges(Mat bgr, Mat edges, int blurSize, double low, double high)
    {
        using var blurred = new Mat();
        Cv2.GaussianBlur(bgr, blurred, new Size(blurSize, blurSize), 0);
        var channels = blurred.Split();
        try
        {
            using var channelEdges = new Mat();
            foreach (var channel in channels)
            {
                Cv2.Canny(channel, channelEdges, low, high);
                Cv2.BitwiseOr(edges, channelEdges, edges);
            }
        }
        finally
        {
            foreach (var channel in channels)
                channel.Dispose();
        }
    }
}

using KycOcr.Samples;
using OpenCvSharp;

namespace KycOcr.Samples.Tests;

/// <summary>Simple image statistics the degradation and geometry tests assert on.</summary>
internal static class ImageMeasures
{
    public static double LaplacianVariance(Mat bgr)
    {
        using var gray = new Mat();
        Cv2.CvtColor(bgr, gray, ColorConversionCodes.BGR2GRAY);
        using var lap = new Mat();
        Cv2.Laplacian(gray, lap, MatType.CV_64F);
        Cv2.MeanStdDev(lap, out _, out var std);
        return std.Val0 * std.Val0;
    }

    public static double MeanGray(Mat bgr)
    {
        using var gray = new Mat();
        Cv2.CvtColor(bgr, gray, ColorConversionCodes.BGR2GRAY);
        return Cv2.Mean(gray).Val0;
    }

    /// <summary>The document quad shrunk by <paramref name="inset"/> pixels, as a 255/0 mask.</summary>
    public static Mat QuadMask(Size size, IReadOnlyList<FramePoint> corners, int inset)
    {
        var mask = new Mat(size, MatType.CV_8UC1, Scalar.All(0));
        Cv2.FillConvexPoly(mask, corners.Select(p => new Point((int)Math.Round(p.X), (int)Math.Round(p.Y))).ToArray(), Scalar.All(255));
        if (inset > 0)
        {
            using var kernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(2 * inset + 1, 2 * inset + 1));
            Cv2.Erode(mask, mask, kernel);
        }

        return mask;
    }

    /// <summary>Share of pixels under the mask whose channels are all ≥ 245.</summary>
    public static double NearWhiteShare(Mat bgr, Mat mask)
    {
        using var white = new Mat();
        Cv2.InRange(bgr, new Scalar(245, 245, 245), new Scalar(255, 255, 255), white);
        Cv2.BitwiseAnd(white, mask, white);
        return Cv2.CountNonZero(white) / (double)Cv2.CountNonZero(mask);
    }

    public static double MaxAbsDiff(Mat a, Mat b, Mat? mask = null)
    {
        using var diff = new Mat();
        Cv2.Absdiff(a, b, diff);
        using var gray = diff.Reshape(1);
        if (mask is null)
        {
            Cv2.MinMaxLoc(gray, out _, out double max);
            return max;
        }

        var planes = diff.Split();
        try
        {
            double worst = 0;
            foreach (var plane in planes)
            {
                Cv2.MinMaxLoc(plane, out _, out double max, out _, out _, mask);
                worst = Math.Max(worst, max);
            }

            return worst;
        }
        finally
        {
            foreach (var plane in planes)
            {
                plane.Dispose();
            }
        }
    }

    /// <summary>Mean BGR over a small square patch.</summary>
    public static Scalar PatchMean(Mat bgr, Point2d centre, int radius)
    {
        var rect = new Rect((int)Math.Round(centre.X) - radius, (int)Math.Round(centre.Y) - radius, 2 * radius + 1, 2 * radius + 1);
        using var patch = new Mat(bgr, rect);
        return Cv2.Mean(patch);
    }
}

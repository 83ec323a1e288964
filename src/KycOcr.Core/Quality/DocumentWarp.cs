using OpenCvSharp;

namespace KycOcr.Core.Quality;

/// <summary>Perspective warp of the detected document to an upright rectangle of the right aspect.</summary>
public static class DocumentWarp
{
    /// <summary>
    /// The upright document (BGR; the caller disposes it), its long side at most <paramref name="maxSide"/>
    /// and never larger than the document is in <paramref name="bgr"/>: nothing is upscaled.
    /// </summary>
    /// <param name="detection">Corners in <paramref name="bgr"/>'s pixels.</param>
    public static Mat Warp(Mat bgr, DocumentDetection detection, int maxSide)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        ArgumentNullException.ThrowIfNull(detection);
        if (!detection.Found)
            throw new ArgumentException("No document to warp.", nameof(detection));

        var size = OutputSize(detection, maxSide);
        var c = detection.Corners;
        Point2f[] from = [Pf(c[0]), Pf(c[1]), Pf(c[2]), Pf(c[3])];
        using var homography = ToUpright(detection, size);
        var upright = new Mat();

        // warpPerspective samples without an area filter: past 2x reduction it aliases, so warp at
        // twice the size and let an area resize do the rest.
        var reduction = detection.LongSide / size.Width;
        if (reduction <= 2.0)
        {
            Cv2.WarpPerspective(bgr, upright, homography, size, InterpolationFlags.Linear, BorderTypes.Replicate);
            return upright;
        }
        var factor = Math.Min(8, (int)Math.Ceiling(reduction / 2.0));
        var large = new Size(size.Width * factor, size.Height * factor);
        Point2f[] toLarge = [new(-0.5f, -0.5f), new(large.Width - 0.5f, -0.5f), new(large.Width - 0.5f, large.Height - 0.5f), new(-0.5f, large.Height - 0.5f)];
        using var homographyLarge = Cv2.GetPerspectiveTransform(from, toLarge);
        using var intermediate = new Mat();
        Cv2.WarpPerspective(bgr, intermediate, homographyLarge, large, InterpolationFlags.Linear, BorderTypes.Replicate);
        Cv2.Resize(intermediate, upright, size, interpolation: InterpolationFlags.Area);
        return upright;
    }

    /// <summary>The homography from the image the detection was made in to the upright document of <paramref name="size"/>.</summary>
    public static Mat ToUpright(DocumentDetection detection, Size size)
    {
        var c = detection.Corners;
        Point2f[] from = [Pf(c[0]), Pf(c[1]), Pf(c[2]), Pf(c[3])];
        float w = size.Width;
        float h = size.Height;
        // Pixel centres at integers on both sides: the outline runs along the outer pixel edges.
        Point2f[] to = [new(-0.5f, -0.5f), new(w - 0.5f, -0.5f), new(w - 0.5f, h - 0.5f), new(-0.5f, h - 0.5f)];
        return Cv2.GetPerspectiveTransform(from, to);
    }

    /// <summary>Width along the document's long side, height from its nominal (or measured) aspect.</summary>
    public static Size OutputSize(DocumentDetection detection, int maxSide)
    {
        var aspect = DocumentDetector.NominalAspect(detection.Shape);
        if (double.IsNaN(aspect))
            aspect = detection.LongSide / Math.Max(1, detection.ShortSide);
        var width = (int)Math.Round(Math.Min(maxSide, detection.LongSide));
        width = Math.Max(2, width);
        return new Size(width, Math.Max(2, (int)Math.Round(width / aspect)));
    }

    /// <summary>The whole frame within <paramref name="maxSide"/> (never upscaled), for photos sent without a detected document.</summary>
    public static Mat FitWithin(Mat bgr, int maxSide)
    {
        var longSide = Math.Max(bgr.Width, bgr.Height);
        if (longSide <= maxSide)
            return bgr.Clone();
        var scale = (double)maxSide / longSide;
        var resized = new Mat();
        Cv2.Resize(bgr, resized, new Size(Math.Max(1, (int)Math.Round(bgr.Width * scale)), Math.Max(1, (int)Math.Round(bgr.Height * scale))),
            interpolation: InterpolationFlags.Area);
        return resized;
    }

    private static Point2f Pf(Point2d p) => new((float)p.X, (float)p.Y);
}

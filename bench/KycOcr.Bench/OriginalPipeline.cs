using OpenCvSharp;

namespace KycOcr.Bench;

/// <summary>
/// What the original service did, for comparison: every check and the detection on the full-resolution
/// frame (see ORIGINAL-BEHAVIOUR.md "Quality checks"), a full-resolution warp, JPEG at quality 95.
/// </summary>
public static class OriginalPipeline
{
    /// <summary>Runs the whole path; returns the JPEG's length (0 when no document was found) so nothing is optimised away.</summary>
    public static int Run(byte[] encoded)
    {
        using var image = Cv2.ImDecode(encoded, ImreadModes.Color);
        if (image.Empty())
            throw new InvalidOperationException("undecodable");
        using var gray = new Mat();
        Cv2.CvtColor(image, gray, ColorConversionCodes.BGR2GRAY);

        // blur → resolution → contrast → glare → darkness → edge density, all at full resolution.
        using (var laplacian = new Mat())
        {
            Cv2.Laplacian(gray, laplacian, MatType.CV_64F);
            Cv2.MeanStdDev(laplacian, out _, out _);
        }
        Cv2.MeanStdDev(gray, out _, out _);
        using (var glare = new Mat())
        {
            Cv2.Threshold(gray, glare, 245, 255, ThresholdTypes.Binary);
            _ = Cv2.CountNonZero(glare);
        }
        _ = Cv2.Mean(gray);
        using (var edges = new Mat())
        {
            Cv2.Canny(gray, edges, 100, 200);
            _ = Cv2.CountNonZero(edges);
        }

        // Document contour: 5x5 blur, Canny 50/150, close, outer contours, 10 largest >= 10 % of the frame,
        // first 4-point approxPolyDP at 0.02 x perimeter, corners by sum/difference.
        using var blurred = new Mat();
        Cv2.GaussianBlur(gray, blurred, new Size(5, 5), 0);
        using var canny = new Mat();
        Cv2.Canny(blurred, canny, 50, 150);
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(5, 5));
        Cv2.MorphologyEx(canny, canny, MorphTypes.Close, kernel);
        Cv2.FindContours(canny, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        var frameArea = (double)image.Width * image.Height;
        Point[]? quad = null;
        foreach (var contour in contours.OrderByDescending(c => Cv2.ContourArea(c)).Take(10))
        {
            if (Cv2.ContourArea(contour) < 0.1 * frameArea)
                break;
            var approx = Cv2.ApproxPolyDP(contour, 0.02 * Cv2.ArcLength(contour, true), true);
            if (approx.Length == 4)
            {
                quad = approx;
                break;
            }
        }
        if (quad is null)
            return 0;

        var tl = quad.MinBy(p => p.X + p.Y);
        var br = quad.MaxBy(p => p.X + p.Y);
        var tr = quad.MinBy(p => p.Y - p.X);
        var bl = quad.MaxBy(p => p.Y - p.X);
        double D(Point a, Point b) => Math.Sqrt((a.X - b.X) * (double)(a.X - b.X) + (a.Y - b.Y) * (double)(a.Y - b.Y));
        var width = (int)Math.Max(D(tl, tr), D(bl, br));
        var height = (int)Math.Max(D(tl, bl), D(tr, br));
        using var homography = Cv2.GetPerspectiveTransform(
            new Point2f[] { tl, tr, br, bl },
            new Point2f[] { new(0, 0), new(width - 1, 0), new(width - 1, height - 1), new(0, height - 1) });
        using var warped = new Mat();
        Cv2.WarpPerspective(image, warped, homography, new Size(width, height));
        return warped.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, 95)).Length;
    }
}

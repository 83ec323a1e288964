using OpenCvSharp;

namespace KycOcr.Core.Quality;

/// <summary>The raw scores, measured on one image at the measuring size.</summary>
/// <param name="GlareAt">The largest washed-out disc, in the measured image's pixels (null when none).</param>
public sealed record QualityMeasures(double Blur, double Contrast, double GlareSpot, double Brightness, double EdgeDensity, QualitySpot? GlareAt = null)
{
    /// <summary>Long side of the image the scores are measured on: fixed, so limits do not depend on the camera.</summary>
    public const int MeasureSide = 640;

    /// <summary>
    /// Scores of <paramref name="bgr"/> (the upright document, or the frame when none was found), after
    /// bringing it to <see cref="MeasureSide"/> (never upscaled) and trimming a thin border.
    /// </summary>
    public static QualityMeasures Measure(Mat bgr, double glareLevel, bool trimBorder)
    {
        using var sized = DocumentWarp.FitWithin(bgr, MeasureSide);
        var inset = trimBorder ? new Rect((int)(sized.Width * 0.03), (int)(sized.Height * 0.03), sized.Width - 2 * (int)(sized.Width * 0.03), sized.Height - 2 * (int)(sized.Height * 0.03)) : new Rect(0, 0, sized.Width, sized.Height);
        using var region = new Mat(sized, inset);
        using var gray = new Mat();
        Cv2.CvtColor(region, gray, ColorConversionCodes.BGR2GRAY);
        var pixels = (double)gray.Width * gray.Height;

        using var laplacian = new Mat();
        Cv2.Laplacian(gray, laplacian, MatType.CV_64F);
        Cv2.MeanStdDev(laplacian, out _, out var lapStd);
        Cv2.MeanStdDev(gray, out var mean, out var std);

        // Glare washes out every channel; a pale tint or white paper keeps at least one below the level.
        using var darkest = new Mat();
        var channels = region.Split();
        try
        {
            Cv2.Min(channels[0], channels[1], darkest);
            Cv2.Min(darkest, channels[2], darkest);
        }
        finally
        {
            foreach (var channel in channels)
                channel.Dispose();
        }
        // Glare is a spot with nothing legible left in it: the radius of the largest washed-out disc, as a
        // share of the short side. Bright paper clipped by exposure keeps its dark print, which breaks the
        // washed-out area into narrow strips between lines and characters.
        using var glare = new Mat();
        Cv2.Threshold(darkest, glare, glareLevel - 1, 255, ThresholdTypes.Binary);
        using var distance = new Mat();
        Cv2.DistanceTransform(glare, distance, DistanceTypes.L2, DistanceTransformMasks.Mask3);
        Cv2.MinMaxLoc(distance, out _, out double radius, out _, out Point centre);
        var glareShare = radius / Math.Min(region.Width, region.Height);
        var toMeasured = (double)bgr.Width / sized.Width;
        var glareAt = radius > 0 ? new QualitySpot((centre.X + inset.X) * toMeasured, (centre.Y + inset.Y) * toMeasured, radius * toMeasured) : null;

        using var edges = new Mat();
        Cv2.Canny(gray, edges, 50, 150);
        var edgeDensity = Cv2.CountNonZero(edges) / pixels;

        return new QualityMeasures(lapStd.Val0 * lapStd.Val0, std.Val0, glareShare, mean.Val0, edgeDensity, glareAt);
    }
}

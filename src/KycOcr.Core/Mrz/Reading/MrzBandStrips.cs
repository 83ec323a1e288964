using OpenCvSharp;

namespace KycOcr.Core.Mrz.Reading;

/// <summary>
/// Cuts each line of an MRZ band out of the source image as a straight strip, rotated level and scaled so its
/// glyphs are <see cref="GlyphHeight"/> pixels tall, whatever the image's resolution: the reader always matches
/// glyphs of one size, taken from the best pixels the image has.
/// </summary>
internal static class MrzBandStrips
{
    /// <summary>Height of a line's blob (about a glyph's) in the strip, in pixels.</summary>
    public const double GlyphHeight = 24;

    /// <summary>Room left and right of a line, in glyph heights, for a first or last glyph the blob cut short.</summary>
    private const double EndMargin = 1.5;

    /// <summary>Strip height, in glyph heights: the line and half a line of room above and below it.</summary>
    private const double StripHeight = 2.4;

    /// <summary>The band's lines as grey strips (CV_8UC1), top to bottom; turned 180° when <paramref name="upsideDown"/>.</summary>
    public static List<Mat> Cut(Mat gray, MrzBand band, bool upsideDown)
    {
        double scale = GlyphHeight / band.Thickness;
        // Only the band's surroundings are scaled: a 12 MP photo is not resized whole for a few lines of text.
        var roi = Bounds(band, band.Thickness * (EndMargin + StripHeight)) & new Rect(0, 0, gray.Cols, gray.Rows);
        using var region = new Mat(gray, roi);
        using var scaled = new Mat();
        Cv2.Resize(region, scaled, new Size(0, 0), scale, scale, scale < 1 ? InterpolationFlags.Area : InterpolationFlags.Cubic);
        var paper = Cv2.Mean(scaled);

        var strips = new List<Mat>();
        foreach (var line in band.Lines)
        {
            double width = line.Length * scale + 2 * EndMargin * GlyphHeight;
            double height = StripHeight * GlyphHeight;
            var centre = new Point2d((line.Centre.X - roi.X) * scale, (line.Centre.Y - roi.Y) * scale);
            double radians = band.AngleDegrees * Math.PI / 180;
            double cos = Math.Cos(radians), sin = Math.Sin(radians);
            // Strip (u, v) → scaled region: centre + R(θ)·(u − w/2, v − h/2).
            using var map = new Mat(2, 3, MatType.CV_64FC1);
            map.Set(0, 0, cos);
            map.Set(0, 1, -sin);
            map.Set(0, 2, centre.X - cos * width / 2 + sin * height / 2);
            map.Set(1, 0, sin);
            map.Set(1, 1, cos);
            map.Set(1, 2, centre.Y - sin * width / 2 - cos * height / 2);
            var strip = new Mat();
            Cv2.WarpAffine(scaled, strip, map, new Size((int)Math.Round(width), (int)Math.Round(height)),
                InterpolationFlags.Linear | InterpolationFlags.WarpInverseMap, BorderTypes.Constant, paper);
            if (upsideDown)
            {
                Cv2.Rotate(strip, strip, RotateFlags.Rotate180);
            }

            strips.Add(strip);
        }

        if (upsideDown)
        {
            strips.Reverse();
        }

        return strips;
    }

    private static Rect Bounds(MrzBand band, double margin)
    {
        double left = double.MaxValue, top = double.MaxValue, right = double.MinValue, bottom = double.MinValue;
        foreach (var line in band.Lines)
        {
            double radians = line.AngleDegrees * Math.PI / 180;
            double dx = Math.Cos(radians) * line.Length / 2, dy = Math.Sin(radians) * line.Length / 2;
            foreach (var (x, y) in new[] { (line.Centre.X - dx, line.Centre.Y - dy), (line.Centre.X + dx, line.Centre.Y + dy) })
            {
                left = Math.Min(left, x);
                right = Math.Max(right, x);
                top = Math.Min(top, y);
                bottom = Math.Max(bottom, y);
            }
        }

        return Rect.FromLTRB((int)Math.Floor(left - margin), (int)Math.Floor(top - margin), (int)Math.Ceiling(right + margin), (int)Math.Ceiling(bottom + margin));
    }
}

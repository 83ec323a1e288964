using OpenCvSharp;

namespace KycOcr.Core.Mrz.Reading;

/// <summary>Scores character cells against the glyph templates, allowing a few pixels of misplacement.</summary>
internal static class MrzGlyphMatcher
{
    public static MrzCellScores Score(Mat gray, GlyphSet glyphs, double centreX, double baseline)
    {
        using var search = Crop(gray, Window(glyphs, centreX, baseline));
        var scores = new float[glyphs.Templates.Length];
        using var result = new Mat();
        for (int i = 0; i < glyphs.Templates.Length; i++)
        {
            scores[i] = Best(search, glyphs.Templates[i], result);
        }

        return new MrzCellScores(scores);
    }

    /// <summary>
    /// Every cell of a line at once: one correlation of each template over the whole line strip, then the best
    /// position within each cell's window. Same scores as <see cref="Score"/> cell by cell, at a fraction of the calls.
    /// </summary>
    public static MrzCellScores[] ScoreLine(Mat gray, GlyphSet glyphs, MrzLineGeometry line, int first, int cells)
    {
        var windows = Enumerable.Range(first, cells).Select(i => Window(glyphs, line.CellCentre(i), line.BaselineAt(i))).ToArray();
        var strip = windows.Aggregate((a, b) => a | b);
        using var search = Crop(gray, strip);
        var scores = new float[cells][];
        for (int i = 0; i < cells; i++)
        {
            scores[i] = new float[glyphs.Templates.Length];
        }

        using var result = new Mat();
        for (int t = 0; t < glyphs.Templates.Length; t++)
        {
            Cv2.MatchTemplate(search, glyphs.Templates[t], result, TemplateMatchModes.CCoeffNormed);
            for (int i = 0; i < cells; i++)
            {
                // A window's valid template positions, in result coordinates.
                var w = windows[i];
                var positions = new Rect(w.X - strip.X, w.Y - strip.Y, w.Width - glyphs.Width + 1, w.Height - glyphs.Height + 1);
                using var roi = new Mat(result, positions);
                Cv2.MinMaxLoc(roi, out _, out double max);
                scores[i][t] = (float)max;
            }
        }

        return scores.Select(s => new MrzCellScores(s)).ToArray();
    }

    /// <summary>
    /// Scores of <paramref name="candidates"/> with the cell and the templates at <paramref name="upscale"/> times the size:
    /// finer than whole-pixel alignment, which settles look-alikes such as O and Q at ~20 px glyphs.
    /// </summary>
    public static float[] ScoreFine(Mat gray, GlyphSet glyphs, GlyphSet fine, int upscale, double centreX, double baseline, string candidates)
    {
        using var search = Crop(gray, Window(glyphs, centreX, baseline));
        using var large = new Mat();
        Cv2.Resize(search, large, new Size(0, 0), upscale, upscale, InterpolationFlags.Cubic);
        using var result = new Mat();
        return candidates.Select(c => Best(large, fine.Templates[OcrBGlyphBank.Alphabet.IndexOf(c)], result)).ToArray();
    }

    private static float Best(Mat search, Mat template, Mat result)
    {
        if (template.Cols > search.Cols || template.Rows > search.Rows)
        {
            return -1;
        }

        Cv2.MatchTemplate(search, template, result, TemplateMatchModes.CCoeffNormed);
        Cv2.MinMaxLoc(result, out _, out double max);
        return (float)max;
    }

    private static Rect Window(GlyphSet glyphs, double centreX, double baseline)
    {
        int mx = Math.Max(2, (int)Math.Round(glyphs.Width * 0.18));
        int my = Math.Max(2, (int)Math.Round((glyphs.Height - 2 * glyphs.Top) * 0.15));
        int x0 = (int)Math.Round(centreX - glyphs.Width / 2.0) - mx;
        int y0 = (int)Math.Round(baseline - glyphs.Baseline) - my;
        return new Rect(x0, y0, glyphs.Width + 2 * mx, glyphs.Height + 2 * my);
    }

    /// <summary>The window, padded with white where it leaves the image.</summary>
    private static Mat Crop(Mat gray, Rect window)
    {
        var inside = window & new Rect(0, 0, gray.Cols, gray.Rows);
        if (inside == window)
        {
            return new Mat(gray, window).Clone();
        }

        var padded = new Mat(window.Size, MatType.CV_8UC1, Scalar.All(255));
        if (inside.Width > 0 && inside.Height > 0)
        {
            using var source = new Mat(gray, inside);
            using var target = new Mat(padded, new Rect(inside.X - window.X, inside.Y - window.Y, inside.Width, inside.Height));
            source.CopyTo(target);
        }

        return padded;
    }
}

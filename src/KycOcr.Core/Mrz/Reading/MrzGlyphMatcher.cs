using System.Buffers;
using System.Collections.Concurrent;
using OpenCvSharp;

namespace KycOcr.Core.Mrz.Reading;

/// <summary>Scores character cells against the glyph templates, allowing a few pixels of misplacement.</summary>
internal static class MrzGlyphMatcher
{
    private static readonly int[] _everyGlyph = Enumerable.Range(0, OcrBGlyphBank.Alphabet.Length).ToArray();

    private static readonly ConcurrentDictionary<string, int[]> _glyphIndices = new();

    /// <summary>Normalised correlation of every glyph at its best placement within the cell's window.</summary>
    public static MrzCellScores Score(MrzGrayPixels gray, GlyphSet glyphs, double centreX, double baseline) =>
        Score(gray, glyphs, centreX, baseline, OcrBGlyphBank.Alphabet);

    /// <summary>
    /// As <see cref="Score(MrzGrayPixels, GlyphSet, double, double)"/> for the <paramref name="allowed"/> glyphs only;
    /// the others score −∞ (the decoder never ranks characters the position does not allow).
    /// </summary>
    public static MrzCellScores Score(MrzGrayPixels gray, GlyphSet glyphs, double centreX, double baseline, string allowed)
    {
        var indices = allowed.Length == OcrBGlyphBank.Alphabet.Length
            ? _everyGlyph
            : _glyphIndices.GetOrAdd(allowed, a => a.Select(c => OcrBGlyphBank.Alphabet.IndexOf(c)).ToArray());
        var window = Window(glyphs, centreX, baseline);
        var pixels = ArrayPool<byte>.Shared.Rent(window.Width * window.Height);
        try
        {
            gray.CopyWindow(window, pixels);
            var found = new float[indices.Length];
            MrzNormalisedCorrelation.Best(pixels, window.Width, window.Height, glyphs.Pixels, indices, found);
            if (indices == _everyGlyph)
            {
                return new MrzCellScores(found);
            }

            var scores = new float[_everyGlyph.Length];
            Array.Fill(scores, float.NegativeInfinity);
            for (int j = 0; j < indices.Length; j++)
            {
                scores[indices[j]] = found[j];
            }

            return new MrzCellScores(scores);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(pixels);
        }
    }

    /// <summary>Normalised correlation of the given <paramref name="templates"/> (of <paramref name="glyphs"/>' size) at their best placement within the cell's window.</summary>
    public static float[] Score(MrzGrayPixels gray, GlyphSet glyphs, GlyphTemplatePixels templates, int[] indices, double centreX, double baseline)
    {
        var window = Window(glyphs, centreX, baseline);
        var pixels = ArrayPool<byte>.Shared.Rent(window.Width * window.Height);
        try
        {
            gray.CopyWindow(window, pixels);
            var found = new float[indices.Length];
            MrzNormalisedCorrelation.Best(pixels, window.Width, window.Height, templates, indices, found);
            return found;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(pixels);
        }
    }

    /// <summary>The cell's search window as an image (white where it leaves the strip).</summary>
    public static Mat Window(MrzGrayPixels gray, GlyphSet glyphs, double centreX, double baseline)
    {
        var window = Window(glyphs, centreX, baseline);
        var pixels = new byte[window.Width * window.Height];
        gray.CopyWindow(window, pixels);
        return Mat.FromPixelData(window.Height, window.Width, MatType.CV_8UC1, pixels).Clone();
    }

    /// <summary>Cells <paramref name="first"/>… of a line, <paramref name="cells"/> of them.</summary>
    public static MrzCellScores[] ScoreLine(MrzGrayPixels gray, GlyphSet glyphs, MrzLineGeometry line, int first, int cells)
    {
        var scores = new MrzCellScores[cells];
        for (int i = 0; i < cells; i++)
        {
            scores[i] = Score(gray, glyphs, line.CellCentre(first + i), line.BaselineAt(first + i));
        }

        return scores;
    }

    /// <summary>
    /// Scores of <paramref name="candidates"/> with the cell and the templates at <paramref name="upscale"/> times the size:
    /// finer than whole-pixel alignment, which settles look-alikes such as O and Q at ~20 px glyphs.
    /// </summary>
    public static float[] ScoreFine(MrzGrayPixels gray, GlyphSet glyphs, GlyphSet fine, int upscale, double centreX, double baseline, string candidates)
    {
        var window = Window(glyphs, centreX, baseline);
        var cell = new byte[window.Width * window.Height];
        gray.CopyWindow(window, cell);
        using var search = Mat.FromPixelData(window.Height, window.Width, MatType.CV_8UC1, cell);
        using var large = new Mat();
        Cv2.Resize(search, large, new Size(0, 0), upscale, upscale, InterpolationFlags.Cubic);
        var pixels = MrzGrayPixels.From(large);

        var indices = candidates.Select(c => OcrBGlyphBank.Alphabet.IndexOf(c)).ToArray();
        var scores = new float[indices.Length];
        MrzNormalisedCorrelation.Best(pixels.Pixels, pixels.Width, pixels.Height, fine.Pixels, indices, scores);
        return scores;
    }

    /// <summary>
    /// Two look-alikes compared where they differ: both templates are placed where together they fit the cell best
    /// (at <paramref name="upscale"/> times the size), each mapped to the cell's ink and paper by a least-squares gain
    /// and offset over the whole glyph; then only the pixels by which the two templates differ (an E's bottom bar, an R's
    /// bowl, a Q's tail) are compared, weighted by how much they differ. Returns how much better the first explains
    /// them than the second, from −1 (only the second does) to 1 (only the first does). Whole-glyph correlation barely
    /// moves for such details, and normalised correlation over the detail alone would ignore that one template has no
    /// ink there at all.
    /// </summary>
    public static double ScoreApart(MrzGrayPixels gray, GlyphSet glyphs, GlyphSet fine, int upscale, double centreX, double baseline, char a, char b)
    {
        var window = Window(glyphs, centreX, baseline);
        var cell = new byte[window.Width * window.Height];
        gray.CopyWindow(window, cell);
        using var search = Mat.FromPixelData(window.Height, window.Width, MatType.CV_8UC1, cell);
        using var large = new Mat();
        Cv2.Resize(search, large, new Size(0, 0), upscale, upscale, InterpolationFlags.Cubic);

        var ta = fine.Templates[OcrBGlyphBank.Alphabet.IndexOf(a)];
        var tb = fine.Templates[OcrBGlyphBank.Alphabet.IndexOf(b)];
        using var difference = new Mat();
        Cv2.Absdiff(ta, tb, difference);
        using var weights = new Mat();
        difference.ConvertTo(weights, MatType.CV_32FC1);
        Cv2.GaussianBlur(weights, weights, new Size(0, 0), upscale / 2.0);
        weights.GetArray(out float[] w);

        // One placement for both, where the two fit best together: compared at different places, each would be
        // judged on a different part of the cell.
        using var matchA = new Mat();
        using var matchB = new Mat();
        Cv2.MatchTemplate(large, ta, matchA, TemplateMatchModes.CCoeffNormed);
        Cv2.MatchTemplate(large, tb, matchB, TemplateMatchModes.CCoeffNormed);
        Cv2.Add(matchA, matchB, matchA);
        Cv2.MinMaxLoc(matchA, out _, out _, out _, out var at);
        using var patch = new Mat(large, new Rect(at.X, at.Y, ta.Cols, ta.Rows)).Clone();
        patch.GetArray(out byte[] x);
        double ea = Residual(x, ta, w), eb = Residual(x, tb, w);
        return ea + eb > 0 ? (eb - ea) / (ea + eb) : 0;
    }

    // Weighted squared residual of the patch against the template mapped to the patch's levels.
    private static double Residual(byte[] x, Mat template, float[] weights)
    {
        template.GetArray(out byte[] t);

        // x ≈ gain · t + offset over the whole glyph: the cell's ink and paper, whatever the print's contrast.
        double n = x.Length, st = 0, sx = 0, stt = 0, stx = 0;
        for (int i = 0; i < x.Length; i++)
        {
            st += t[i];
            sx += x[i];
            stt += (double)t[i] * t[i];
            stx += (double)t[i] * x[i];
        }

        double spread = n * stt - st * st;
        double gain = spread > 0 ? (n * stx - st * sx) / spread : 0;
        double offset = (sx - gain * st) / n;
        double error = 0, total = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double r = x[i] - (gain * t[i] + offset);
            error += weights[i] * r * r;
            total += weights[i];
        }

        return total > 0 ? error / total : 0;
    }

    private static Rect Window(GlyphSet glyphs, double centreX, double baseline)
    {
        int mx = Math.Max(2, (int)Math.Round(glyphs.Width * 0.18));
        int my = Math.Max(2, (int)Math.Round((glyphs.Height - 2 * glyphs.Top) * 0.15));
        int x0 = (int)Math.Round(centreX - glyphs.Width / 2.0) - mx;
        int y0 = (int)Math.Round(baseline - glyphs.Baseline) - my;
        return new Rect(x0, y0, glyphs.Width + 2 * mx, glyphs.Height + 2 * my);
    }
}

using OpenCvSharp;

namespace KycOcr.Core.Mrz.Reading;

/// <summary>Reads the MRZ of one orientation of the working-size grey page: locate, deskew, segment, match, parse.</summary>
internal static class MrzOrientedReader
{
    /// <summary>Uncertain cells are matched again at this many times the working size.</summary>
    private const int FineScale = 3;

    /// <summary>Template softness (Gaussian sigma, working-size pixels) tried first, and the others tried after.</summary>
    private const double DefaultBlur = 0.6;

    private static readonly double[] _blurs = [0.6, 1.0, 1.4];

    /// <summary>Null when this orientation shows no MRZ band.</summary>
    public static MrzImageAttempt? Read(Mat gray, OcrBGlyphBank bank, double[] heightFactors, DateOnly today)
    {
        using var deskewed = Deskew(gray, out var lines, out var ink);
        using (ink)
        {
            if (lines.Count is < 2 or > 3)
            {
                return null;
            }

            var glyphs = lines.Select(l => MrzLineGeometry.Glyphs(ink, l.Box)).ToList();
            double tall = glyphs.Max(g => g.Count == 0 ? 0 : MrzLineGeometry.Median(MrzLineGeometry.TallGlyphs(g).Select(b => b.Height)));
            if (tall <= 0)
            {
                return null;
            }

            glyphs = glyphs.Select(g => MrzLineGeometry.MergePieces(g, tall)).ToList();
            MrzImageAttempt? best = null;
            foreach (var length in CandidateLengths(lines.Count, glyphs))
            {
                var attempt = ReadAs(deskewed, glyphs, length, bank, heightFactors, today);
                if (attempt is null)
                {
                    continue;
                }

                if (attempt.Reading.Valid)
                {
                    return attempt;
                }

                if (best is null || attempt.Score > best.Score)
                {
                    best = attempt;
                }
            }

            return best;
        }
    }

    private static Mat Deskew(Mat gray, out List<MrzLineBlob> lines, out Mat ink)
    {
        ink = MrzBandLocator.Ink(gray);
        lines = MrzBandLocator.FindLines(ink);
        if (lines.Count == 0)
        {
            return gray.Clone();
        }

        double angle = lines.Average(l => l.AngleDegrees);
        if (Math.Abs(angle) < 0.15)
        {
            return gray.Clone();
        }

        var centre = new Point2f((float)lines.Average(l => l.Centre.X), (float)lines.Average(l => l.Centre.Y));
        // The MRZ sits near the bottom edge; what rotates in from outside must look like paper, not smeared edge
        // pixels (a replicated border paints streaks across the last line).
        var band = lines.Select(l => l.Box).Aggregate((a, b) => a | b) & new Rect(0, 0, gray.Cols, gray.Rows);
        Scalar paper;
        using (var region = new Mat(gray, band))
        {
            paper = Cv2.Mean(region);
        }

        using var rotation = Cv2.GetRotationMatrix2D(centre, angle, 1);
        var rotated = new Mat();
        Cv2.WarpAffine(gray, rotated, rotation, gray.Size(), InterpolationFlags.Cubic, BorderTypes.Constant, paper);
        ink.Dispose();
        ink = MrzBandLocator.Ink(rotated);
        lines = MrzBandLocator.FindLines(ink);
        return rotated;
    }

    // Every MRZ cell holds a glyph (fillers included), so the glyph count says the line length.
    private static IEnumerable<int> CandidateLengths(int lineCount, List<List<MrzGlyphBox>> glyphs)
    {
        if (lineCount == 3)
        {
            return [30];
        }

        double count = MrzLineGeometry.Median(glyphs.Select(g => (double)g.Count));
        return Math.Abs(count - 36) <= Math.Abs(count - 44) ? [36, 44] : [44, 36];
    }

    private static MrzImageAttempt? ReadAs(Mat gray, List<List<MrzGlyphBox>> glyphs, int length, OcrBGlyphBank bank, double[] heightFactors, DateOnly today)
    {
        var geometry = new List<MrzLineGeometry>();
        foreach (var line in glyphs)
        {
            if (MrzLineGeometry.Fit(line, length) is not { } fitted)
            {
                return null;
            }

            geometry.Add(fitted);
        }

        double pitch = geometry.Average(g => g.Pitch);
        double tall = geometry.Max(g => g.TallHeight);
        var (height, blur) = BestSize(gray, bank, geometry, pitch, tall, heightFactors);
        var set = bank.For(height, pitch, blur);
        var scores = geometry.Select(g => Enumerable.Range(0, length).Select(i => MrzGlyphMatcher.Score(gray, set, g.CellCentre(i), g.BaselineAt(i))).ToArray()).ToArray();
        var fine = bank.For(height * FineScale, pitch * FineScale, blur * FineScale);
        return MrzCellDecoder.Decode(scores, length, today, (line, column, candidates) =>
            MrzGlyphMatcher.ScoreFine(gray, set, fine, FineScale, geometry[line].CellCentre(column), geometry[line].BaselineAt(column), candidates));
    }

    // The binarised glyph height is only an estimate (blur widens, thresholds thin), and print, optics and JPEG
    // soften the glyphs by an unknown amount: try nearby sizes, then softnesses, on a sample of cells.
    private static (double Height, double Blur) BestSize(Mat gray, OcrBGlyphBank bank, List<MrzLineGeometry> geometry, double pitch, double tall, double[] factors)
    {
        var line = geometry[^1];
        int step = Math.Max(1, line.GlyphCount / 10);
        var sample = Enumerable.Range(0, 10).Select(i => i * step).Where(i => i < line.GlyphCount).ToList();
        double SampleScore(GlyphSet set) => sample.Average(i => MrzGlyphMatcher.Score(gray, set, line.CellCentre(i), line.BaselineAt(i)).Best);

        double bestHeight = tall;
        double bestScore = double.NegativeInfinity;
        foreach (var factor in factors)
        {
            double score = SampleScore(bank.For(tall * factor, pitch, DefaultBlur));
            if (score > bestScore)
            {
                (bestScore, bestHeight) = (score, tall * factor);
            }
        }

        double bestBlur = DefaultBlur;
        foreach (var blur in _blurs)
        {
            double score = blur == DefaultBlur ? double.NegativeInfinity : SampleScore(bank.For(bestHeight, pitch, blur));
            if (score > bestScore)
            {
                (bestScore, bestBlur) = (score, blur);
            }
        }

        return (bestHeight, bestBlur);
    }
}

using OpenCvSharp;

namespace KycOcr.Core.Mrz.Reading;

/// <summary>Reads one MRZ band, cut into straight strips: segment each line into cells, match glyphs, parse.</summary>
internal static class MrzOrientedReader
{
    /// <summary>The look-alikes' margin when one of them alone explains where they differ (<see cref="MrzGlyphMatcher.ScoreApart"/> of ±1).</summary>
    private const double ApartWeight = 0.4;

    /// <summary>Uncertain cells are matched again at this many times the working size.</summary>
    private const int FineScale = 3;

    /// <summary>Template softness (Gaussian sigma, working-size pixels) tried first, and the others tried after.</summary>
    private const double DefaultBlur = 0.6;

    private static readonly double[] _blurs = [0.6, 1.0, 1.4];


    /// <summary>Glyph heights tried first, as shares of the measured one; then the best ± <see cref="HeightStep"/>.</summary>
    private static readonly double[] _coarseHeights = [0.86, 0.94, 1.02, 1.10];

    private const double HeightStep = 0.04;

    /// <summary>
    /// Reads the band whose lines are <paramref name="strips"/> (grey, top to bottom, glyphs about
    /// <see cref="MrzBandStrips.GlyphHeight"/> tall). Null when the strips hold no fixed-pitch lines.
    /// </summary>
    public static MrzImageAttempt? Read(IReadOnlyList<Mat> strips, OcrBGlyphBank bank, DateOnly today)
    {
        var glyphs = new List<List<MrzGlyphBox>>();
        foreach (var strip in strips)
        {
            using var ink = MrzBandFinder.Ink(strip, InkSide);
            double glyph = MrzBandStrips.GlyphHeight;
            var lineBox = new Rect(0, (int)Math.Round((strip.Rows - glyph) / 2), strip.Cols, (int)Math.Round(glyph));
            glyphs.Add(MrzLineGeometry.Glyphs(ink, lineBox));
        }

        double tall = glyphs.Max(g => g.Count == 0 ? 0 : MrzLineGeometry.Median(MrzLineGeometry.TallGlyphs(g).Select(b => b.Height)));
        if (tall <= 0)
        {
            return null;
        }

        glyphs = glyphs.Select(g => MrzLineGeometry.MergePieces(g, tall)).ToList();
        var pixels = strips.Select(MrzGrayPixels.From).ToList();
        MrzImageAttempt? best = null;
        foreach (var length in CandidateLengths(strips.Count, glyphs))
        {
            var attempt = ReadAs(pixels, glyphs, length, bank, today);
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

    /// <summary>Black-hat side for a strip's ink: a few strokes wide at the strip's glyph size.</summary>
    private const int InkSide = 15;

    // Every MRZ cell holds a glyph (fillers included), so the glyph count says the line length.
    private static int[] CandidateLengths(int lineCount, List<List<MrzGlyphBox>> glyphs)
    {
        if (lineCount == 3)
        {
            return [30];
        }

        if (lineCount == 1)
        {
            // One line (a driving licence's): read as many cells as it plainly has.
            int cells = glyphs[0].Count;
            return cells is >= MinSingleLineCells and <= 48 && Math.Abs(SpannedCells(glyphs[0]) - cells) <= 1 ? [cells] : [];
        }

        double count = MrzLineGeometry.Median(glyphs.Select(g => (double)g.Count));
        int[] standard = Math.Abs(count - 36) <= Math.Abs(count - 44) ? [36, 44] : [44, 36];
        // Lines whose glyphs clearly number otherwise (every line the same count, their span agreeing) are read as
        // printed too, last: a mock-up prints 45.
        int other = glyphs[0].Count;
        return other is >= 37 and <= 48 && other != 44 && glyphs.All(g => g.Count == other && Math.Abs(SpannedCells(g) - other) <= 1)
            ? [.. standard, other]
            : standard;
    }

    /// <summary>A lone line of fewer glyphs is a printed field, not machine-readable print.</summary>
    internal const int MinSingleLineCells = 28;

    // Cells from the first glyph to the last, at the pitch their neighbours keep: a count that merged or broken glyphs do not move.
    private static double SpannedCells(List<MrzGlyphBox> line)
    {
        if (line.Count < 10)
        {
            return 0;
        }

        double pitch = MrzLineGeometry.Median(line.Zip(line.Skip(1), (a, b) => b.CentreX - a.CentreX));
        return (line[^1].CentreX - line[0].CentreX) / pitch + 1;
    }

    private static MrzImageAttempt? ReadAs(List<MrzGrayPixels> pixels, List<List<MrzGlyphBox>> glyphs, int length, OcrBGlyphBank bank, DateOnly today)
    {
        var geometry = new List<MrzLineGeometry>();
        for (int i = 0; i < glyphs.Count; i++)
        {
            if (MrzLineGeometry.Fit(glyphs[i], length) is not { } fitted)
            {
                return null;
            }

            geometry.Add(fitted with { Pixels = pixels[i] });
        }

        double pitch = geometry.Average(g => g.Pitch);
        double tall = geometry.Max(g => g.TallHeight);
        var style = BestStyle(bank, geometry, length, pitch, tall);
        var set = bank.For(style, pitch);
        var scores = ScoreCells(set, geometry, length);
        MrzCellScores Every(int line, int column) =>
            MrzGlyphMatcher.Score(geometry[line].Pixels, set, geometry[line].CellCentre(column), geometry[line].BaselineAt(column));
        var layout = MrzCellDecoder.LayoutFor(geometry.Count, length, scores[0][0]);
        MrzCellDecoder.AdmitOutsiders(scores, layout, Every);
        MrzOwnGlyphs.Learn(geometry, set, scores, layout)?.Settle(geometry, set, scores, layout);
        var fine = bank.For(style.Scaled(FineScale), pitch * FineScale);
        var decoded = MrzCellDecoder.Decode(scores, length, today, (line, column, candidates) =>
        {
            var g = geometry[line];
            var finer = MrzGlyphMatcher.ScoreFine(g.Pixels, set, fine, FineScale, g.CellCentre(column), g.BaselineAt(column), candidates);
            // The two best then compared where they differ: the margin between them comes from that detail.
            var order = Enumerable.Range(0, candidates.Length).OrderByDescending(i => finer[i]).ToArray();
            var apart = MrzGlyphMatcher.ScoreApart(g.Pixels, set, fine, FineScale, g.CellCentre(column), g.BaselineAt(column), candidates[order[0]], candidates[order[1]]);
            double top = finer[order[0]], spread = ApartWeight * apart;
            finer[order[0]] = (float)(top + spread / 2);
            finer[order[1]] = (float)(top - spread / 2);
            return finer;
        }, Every);
        return decoded with { Pitch = pitch, CellResidual = geometry.Max(g => g.Residual) };
    }

    // Only the characters each position allows are matched: the decoder ranks no others. The first cell (the
    // document code) is matched against every glyph, as it says the layout (a visa or not).
    private static MrzCellScores[][] ScoreCells(GlyphSet set, List<MrzLineGeometry> geometry, int length)
    {
        var documentCode = MrzGlyphMatcher.Score(geometry[0].Pixels, set, geometry[0].CellCentre(0), geometry[0].BaselineAt(0));
        var layout = MrzCellDecoder.LayoutFor(geometry.Count, length, documentCode);
        var scores = new MrzCellScores[geometry.Count][];
        for (int line = 0; line < geometry.Count; line++)
        {
            var g = geometry[line];
            scores[line] = new MrzCellScores[length];
            for (int column = 0; column < length; column++)
            {
                scores[line][column] = line == 0 && column == 0 ? documentCode
                    : MrzGlyphMatcher.Score(g.Pixels, set, g.CellCentre(column), g.BaselineAt(column), MrzPositionAlphabet.For(layout, line, column));
            }
        }

        return scores;
    }

    // The binarised glyph height is only an estimate (blur widens, thresholds thin), printers cut OCR-B narrower or
    // heavier than the font file, and print, optics and JPEG soften the glyphs by an unknown amount: try nearby
    // sizes, then widths, weights and softnesses, on cells known to hold digits (the dates: the templates' height is
    // a digit's, and a document number of letters would set it to a capital's). Each step keeps what matched best.
    private static GlyphStyle BestStyle(OcrBGlyphBank bank, List<MrzLineGeometry> geometry, int length, double pitch, double tall)
    {
        var (cells, alphabet) = SampleCells(geometry.Count, length);
        var best = new GlyphStyle(tall * _coarseHeights[0], DefaultBlur);
        MrzCellScores ScoreAt((int Line, int Column) cell, GlyphSet set, string allowed) =>
            MrzGlyphMatcher.Score(geometry[cell.Line].Pixels, set, geometry[cell.Line].CellCentre(cell.Column), geometry[cell.Line].BaselineAt(cell.Column), allowed);

        // Which glyph a cell shows hardly depends on the style: after a first look, each sample cell is matched
        // against its few best only, while the style is tuned.
        var firstSet = bank.For(best, pitch);
        var first = cells.Select(c => ScoreAt(c, firstSet, alphabet)).ToArray();
        var shortlist = first.Select(c => new string(c.Ranked(alphabet).Take(StyleCandidates).Select(r => r.Char).ToArray())).ToArray();
        double bestScore = first.Average(c => c.Best);
        void Try(GlyphStyle style)
        {
            var set = bank.For(style, pitch);
            double score = cells.Select((cell, i) => ScoreAt(cell, set, shortlist[i]).Best).Average();
            if (score > bestScore)
            {
                (bestScore, best) = (score, style);
            }
        }

        // Coarse steps over −14 %…+10 % of the measured height, then the neighbours of the best (−18 %…+14 % in all).
        foreach (var factor in _coarseHeights.Skip(1))
        {
            Try(best with { Height = tall * factor });
        }

        var coarse = best;
        Try(coarse with { Height = coarse.Height - HeightStep * tall });
        Try(coarse with { Height = coarse.Height + HeightStep * tall });
        foreach (var width in _widths)
        {
            Try(best with { Width = width });
        }

        var sized = best;
        foreach (var weight in _weights)
        {
            Try(sized with { Weight = weight });
        }

        var weighted = best;
        foreach (var blur in _blurs.Where(b => b != DefaultBlur))
        {
            Try(weighted with { Blur = blur });
        }

        return best;
    }

    /// <summary>The cells the style is tuned on: the dates where the format says where they are, with the digits; else a line's first cells.</summary>
    private static ((int Line, int Column)[] Cells, string Alphabet) SampleCells(int lineCount, int length)
    {
        static IEnumerable<(int, int)> Run(int line, int start, int count) => Enumerable.Range(start, count).Select(c => (line, c));
        const string digits = "0123456789";
        return (lineCount, length) switch
        {
            (3, 30) => ([.. Run(1, 0, 6), .. Run(1, 8, 6)], digits),
            (2, 36 or 44) => ([.. Run(1, 13, 6), .. Run(1, 21, 6)], digits),
            _ => ([.. Run(lineCount - 1, 0, Math.Min(FirstCells, length))], OcrBGlyphBank.Alphabet),
        };
    }

    /// <summary>Cells of a line of unknown layout the style is tuned on.</summary>
    private const int FirstCells = 10;

    /// <summary>Glyphs per sample cell matched while the style is tuned.</summary>
    private const int StyleCandidates = 3;

    /// <summary>Glyph widths tried against the font's: printers' OCR-B runs from condensed to a little wide.</summary>
    private static readonly double[] _widths = [0.8, 0.9, 1.1];

    /// <summary>Extra stroke weights tried, as shares of the glyph height.</summary>
    private static readonly double[] _weights = [0.04, 0.08];

}

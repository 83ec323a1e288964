using KycOcr.Core.Mrz.Parsing;
using OpenCvSharp;

namespace KycOcr.Core.Mrz.Reading;

/// <summary>
/// The document's own print of the characters it shows without doubt, used to settle the cells the font alone cannot.
/// Printers differ from the font file (a zero as round as an 'O', a heavier 'H'), but one document prints each
/// character one way. The exemplars come only from positions whose field admits letters or digits, not both (a date's
/// '0', a name's 'O'), read with a clear margin; a cell whose best candidates the font ranks close together then takes
/// the candidate the document's own print matches, when one matches that print closely.
/// </summary>
internal sealed class MrzOwnGlyphs
{
    /// <summary>An exemplar is a cell read at least this well, this far ahead of its runner-up, in a letters-only or digits-only field.</summary>
    private const float ExemplarScore = 0.8f, ExemplarMargin = 0.1f;

    /// <summary>Exemplars averaged per character: enough to even out noise, few enough to stay cheap.</summary>
    private const int MaxExemplars = 5;

    /// <summary>Cells whose two best font candidates are closer than this are settled by the document's print.</summary>
    private const float SettleMargin = 0.2f;

    /// <summary>A candidate's own print must match the cell at least this well to settle it.</summary>
    private const float OwnAgree = 0.92f;

    /// <summary>
    /// How much better the document's own print of a candidate must match the cell than the font's version of it, or,
    /// when both candidates are attested, than the document's print of the other.
    /// </summary>
    private const float OwnGain = 0.03f;

    /// <summary>
    /// Where the font already matches a cell almost perfectly no print can gain <see cref="OwnGain"/>: the document's
    /// own print must then close this share of what the font leaves unexplained.
    /// </summary>
    private const float GapClosed = 0.6f;

    private static float GainOver(float fontScore) => Math.Min(OwnGain, GapClosed * (1 - fontScore));

    /// <summary>
    /// What a candidate the document never printed plainly loses against one it did: the font's match of it is the
    /// weaker evidence, since the font and this printer disagree on the look-alikes that need settling.
    /// </summary>
    private const float Unattested = 0.05f;

    private readonly GlyphTemplatePixels _templates;
    private readonly Dictionary<char, int> _index;
    private readonly HashSet<(int Line, int Column)> _exemplarCells;

    private MrzOwnGlyphs(GlyphTemplatePixels templates, Dictionary<char, int> index, HashSet<(int, int)> exemplarCells)
    {
        _templates = templates;
        _index = index;
        _exemplarCells = exemplarCells;
    }

    /// <summary>The document's own glyphs, or null when it shows none plainly enough.</summary>
    public static MrzOwnGlyphs? Learn(IReadOnlyList<MrzLineGeometry> geometry, GlyphSet set, MrzCellScores[][] cells, MrzLayout layout)
    {
        var exemplars = new Dictionary<char, List<(int Line, int Column)>>();
        for (int line = 0; line < cells.Length; line++)
        {
            for (int column = 0; column < cells[line].Length; column++)
            {
                var allowed = MrzPositionAlphabet.For(layout, line, column);
                if (cells[line][column].Outside is not null || (allowed.Any(char.IsAsciiDigit) && allowed.Any(char.IsAsciiLetter)))
                {
                    continue;
                }

                var ranked = cells[line][column].Ranked(allowed).Take(2).ToArray();
                if (ranked.Length < 2 || ranked[0].Score < ExemplarScore || ranked[0].Score - ranked[1].Score < ExemplarMargin)
                {
                    continue;
                }

                if (!exemplars.TryGetValue(ranked[0].Char, out var list))
                {
                    exemplars[ranked[0].Char] = list = [];
                }

                if (list.Count < MaxExemplars)
                {
                    list.Add((line, column));
                }
            }
        }

        // Averaging exemplars costs a match each: only the characters some close call needs are learnt.
        var cellsUsed = exemplars.Values.SelectMany(p => p).ToHashSet();
        var needed = NeededCharacters(exemplars, cellsUsed, cells, layout);
        if (needed.Count == 0)
        {
            return null;
        }

        var templates = new List<Mat>();
        var index = new Dictionary<char, int>();
        try
        {
            foreach (var c in needed)
            {
                index[c] = templates.Count;
                templates.Add(Average(geometry, set, c, exemplars[c]));
            }

            return new MrzOwnGlyphs(GlyphTemplatePixels.From(templates), index, cellsUsed);
        }
        finally
        {
            templates.ForEach(t => t.Dispose());
        }
    }

    /// <summary>Settles the close calls among <paramref name="cells"/> (not the exemplars themselves) by the document's print.</summary>
    public void Settle(IReadOnlyList<MrzLineGeometry> geometry, GlyphSet set, MrzCellScores[][] cells, MrzLayout layout)
    {
        for (int line = 0; line < cells.Length; line++)
        {
            for (int column = 0; column < cells[line].Length; column++)
            {
                if (_exemplarCells.Contains((line, column)))
                {
                    continue;
                }

                var cell = cells[line][column];
                var allowed = MrzPositionAlphabet.For(layout, line, column) + cell.Outside;
                var ranked = cell.Ranked(allowed).Take(3).ToArray();
                if (ranked.Length < 2 || ranked[0].Score - ranked[1].Score >= SettleMargin)
                {
                    continue;
                }

                var attested = ranked.Where(r => _index.ContainsKey(r.Char)).Select(r => r.Char).ToArray();
                if (attested.Length == 0)
                {
                    continue;
                }

                var own = MrzGlyphMatcher.Score(geometry[line].Pixels, set, _templates, attested.Select(c => _index[c]).ToArray(),
                    geometry[line].CellCentre(column), geometry[line].BaselineAt(column));
                // The document's print must explain the cell. When the two best are both attested, their own prints
                // compare like with like; when only one is, it must also explain the cell better than the font's
                // version of it does: on a tiny image an 'H' matches the document's 'M' about as well as the font's.
                int strongest = Array.IndexOf(own, own.Max());
                bool likeWithLike = attested.Contains(ranked[0].Char) && attested.Contains(ranked[1].Char);
                double nextOwn = own.Where((_, i) => i != strongest).Select(o => (double)o).DefaultIfEmpty(double.NegativeInfinity).Max();
                if (own[strongest] < OwnAgree
                    || (likeWithLike ? own[strongest] < nextOwn + OwnGain : own[strongest] < cell.Score(attested[strongest]) + GainOver(cell.Score(attested[strongest]))))
                {
                    continue;
                }

                // Where no check digit looks, the document's print may confirm the font's choice, never overturn it:
                // a name's 'E' that matches this page's 'F' better would be a wrong reading nothing else catches.
                if (attested[strongest] != ranked[0].Char && !layout.Checked(line, column))
                {
                    continue;
                }

                var settled = ranked.Select(r => Array.IndexOf(attested, r.Char) is var i and >= 0 ? own[i] : r.Score - Unattested).ToArray();
                cell.Settle(new string(ranked.Select(r => r.Char).ToArray()), settled);
            }
        }
    }

    // The attested characters among the close calls' candidates.
    private static HashSet<char> NeededCharacters(
        Dictionary<char, List<(int Line, int Column)>> exemplars, HashSet<(int, int)> exemplarCells, MrzCellScores[][] cells, MrzLayout layout)
    {
        var needed = new HashSet<char>();
        for (int line = 0; line < cells.Length; line++)
        {
            for (int column = 0; column < cells[line].Length; column++)
            {
                if (exemplarCells.Contains((line, column)))
                {
                    continue;
                }

                var ranked = cells[line][column].Ranked(MrzPositionAlphabet.For(layout, line, column) + cells[line][column].Outside).Take(3).ToArray();
                if (ranked.Length > 1 && ranked[0].Score - ranked[1].Score < SettleMargin)
                {
                    needed.UnionWith(ranked.Select(r => r.Char).Where(exemplars.ContainsKey));
                }
            }
        }

        return needed;
    }

    // The exemplars' patches at their best placement under the font's template, averaged: the document's glyph.
    private static Mat Average(IReadOnlyList<MrzLineGeometry> geometry, GlyphSet set, char c, List<(int Line, int Column)> places)
    {
        var template = set.Templates[OcrBGlyphBank.Alphabet.IndexOf(c)];
        using var sum = new Mat(template.Size(), MatType.CV_32FC1, Scalar.All(0));
        foreach (var (line, column) in places)
        {
            var g = geometry[line];
            using var window = MrzGlyphMatcher.Window(g.Pixels, set, g.CellCentre(column), g.BaselineAt(column));
            using var match = new Mat();
            Cv2.MatchTemplate(window, template, match, TemplateMatchModes.CCoeffNormed);
            Cv2.MinMaxLoc(match, out _, out _, out _, out var at);
            using var patch = new Mat(window, new Rect(at.X, at.Y, template.Cols, template.Rows));
            using var asFloat = new Mat();
            patch.ConvertTo(asFloat, MatType.CV_32FC1);
            Cv2.Add(sum, asFloat, sum);
        }

        var average = new Mat();
        sum.ConvertTo(average, MatType.CV_8UC1, 1.0 / places.Count);
        return average;
    }
}

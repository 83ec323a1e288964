using KycOcr.Core.Mrz.Parsing;
namespace KycOcr.Core.Mrz.Reading;

/// <summary>
/// Turns per-cell glyph scores into MRZ text: the best character each position's field allows (uncertain cells
/// matched again more finely), then the parser's checks. When those fail, the runner-up characters of the least
/// certain cells are tried, and a change is kept only when it is the single one that makes every check hold.
/// A valid reading is still refused when an uncertain cell's runner-up would be valid too: check digits
/// do not cover names and nationality, and miss some letter/digit swaps (values 10 apart).
/// </summary>
internal static class MrzCellDecoder
{
    /// <summary>Cells whose two best candidates are closer than this are matched again more finely.</summary>
    private const float RefineMargin = 0.12f;

    /// <summary>Below this margin the runner-up is a real possibility that the checks must rule out.</summary>
    private const float AmbiguousMargin = 0.04f;

    private const int UncertainCells = 10;

    /// <summary>
    /// Only a cell this close between its two best is repaired: a specimen may misprint a check digit, and trying
    /// clearly read cells' runner-ups would, now and then, "repair" the misprint into a wrong reading that validates.
    /// </summary>
    private const float RepairMargin = 0.05f;

    /// <summary>
    /// A cell whose best allowed character matches worse than this may hold a character its field does not allow
    /// (a specimen's '0' for sex, digits for a state): the reading must say what is printed, and the checks judge it.
    /// </summary>
    private const float OutsideBelow = 0.8f;

    /// <summary>A character the field does not allow is read only when it matches this much better than every allowed one.</summary>
    private const float OutsideMargin = 0.1f;

    /// <param name="fine">Finer scores of the given candidate characters of (line, column).</param>
    /// <param name="everyGlyph">Scores of (line, column) against every glyph.</param>
    public static MrzImageAttempt Decode(MrzCellScores[][] cells, int length, DateOnly today, Func<int, int, string, float[]> fine, Func<int, int, MrzCellScores> everyGlyph)
    {
        var layout = LayoutFor(cells.Length, length, cells[0][0]);
        AdmitOutsiders(cells, layout, everyGlyph);
        var readings = new MrzCellReading[cells.Length][];
        double total = 0;
        for (int line = 0; line < cells.Length; line++)
        {
            readings[line] = new MrzCellReading[length];
            for (int column = 0; column < length; column++)
            {
                var allowed = MrzPositionAlphabet.For(layout, line, column) + cells[line][column].Outside;
                var ranked = cells[line][column].Ranked(allowed).Take(3).ToArray();

                if (ranked.Length > 1 && ranked[0].Score - ranked[1].Score < RefineMargin && !cells[line][column].Settled)
                {
                    var candidates = new string(ranked.Select(r => r.Char).ToArray());
                    cells[line][column].Refine(candidates, fine(line, column, candidates));
                    ranked = cells[line][column].Ranked(allowed).Take(2).ToArray();
                }

                readings[line][column] = ranked.Length > 1
                    ? new MrzCellReading(ranked[0].Char, ranked[0].Score, ranked[1].Char, ranked[1].Score)
                    : new MrzCellReading(ranked[0].Char, ranked[0].Score, ranked[0].Char, ranked[0].Score);
                total += ranked[0].Score;
            }
        }

        double score = total / (cells.Length * length);
        var lines = KnownStates(layout, readings, readings.Select(l => new string(l.Select(c => c.Best).ToArray())).ToArray());
        // The glyph scores, not the text corrector's guesses, settle what is printed: runner-ups are tried below.
        var reading = cells.Length == 1 ? MrzReading.NotIcao(lines) : MrzParser.Parse(lines, today, correct: false);
        if (reading.Found && !reading.Valid)
        {
            reading = RunnerUpRepair(layout, readings, lines, today) ?? reading;
        }

        return new MrzImageAttempt(reading.Valid ? RefuseAmbiguous(layout, reading, readings, today) : reading, score, false, readings)
        {
            OutsideCells = cells.Sum(line => line.Count(c => c.Outside is not null)),
        };
    }

    /// <summary>
    /// Marks the cells that clearly show a character their field does not allow (<see cref="MrzCellScores.Outside"/>),
    /// scoring them against every glyph. Cells already looked at are left as they are.
    /// </summary>
    public static void AdmitOutsiders(MrzCellScores[][] cells, MrzLayout layout, Func<int, int, MrzCellScores> everyGlyph)
    {
        for (int line = 0; line < cells.Length; line++)
        {
            for (int column = 0; column < cells[line].Length; column++)
            {
                var allowed = MrzPositionAlphabet.For(layout, line, column);
                var cell = cells[line][column];
                if (cell.Outside is not null || allowed.Length == OcrBGlyphBank.Alphabet.Length || cell.Ranked(allowed).First().Score >= OutsideBelow)
                {
                    continue;
                }

                var best = cell.Ranked(allowed).First();
                var every = everyGlyph(line, column);
                var outside = every.Ranked(OcrBGlyphBank.Alphabet).First();
                if (!allowed.Contains(outside.Char) && outside.Score >= best.Score + OutsideMargin)
                {
                    every.Outside = outside.Char;
                    cells[line][column] = every;
                }
            }
        }
    }

    /// <summary>
    /// A state code no state has, read where a near-equal runner-up makes it one that exists (a G read as Q in
    /// GBR), is read as that one: only when a single such change does it, and only within the repair margin.
    /// </summary>
    private static string[] KnownStates(MrzLayout layout, MrzCellReading[][] readings, string[] lines)
    {
        foreach (var field in layout.Fields.Where(f => f.Kind == MrzFieldKind.CountryCode && f.Line < lines.Length))
        {
            if (MrzStateCodes.IsKnown(field.Slice(lines)))
            {
                continue;
            }

            var known = Enumerable.Range(field.Start, field.Length)
                .Select(column => (column, cell: readings[field.Line][column]))
                .Where(c => c.cell.Margin < RepairMargin && c.cell.RunnerUp != c.cell.Best)
                .Select(c => Substitute(lines, field.Line, c.column, c.cell.RunnerUp))
                .Where(candidate => MrzStateCodes.IsKnown(field.Slice(candidate)))
                .ToArray();
            if (known.Length == 1)
            {
                lines = known[0];
            }
        }

        return lines;
    }

    /// <summary>
    /// Whether <paramref name="alternative"/> is a reading the print could also be: one that turns a state code some
    /// state has into one none has is not (check digits never cover the codes, so this is what tells O from D in UTO).
    /// </summary>
    private static bool Rival(MrzLayout layout, string[] lines, IReadOnlyList<string> alternative) =>
        !layout.Fields.Any(f => f.Kind == MrzFieldKind.CountryCode && f.Line < lines.Length
            && MrzStateCodes.IsKnown(f.Slice(lines)) && !MrzStateCodes.IsKnown(f.Slice(alternative)));

    // Single runner-up substitutions among the least certain cells; adopted only when exactly one validates.
    private static MrzReading? RunnerUpRepair(MrzLayout layout, MrzCellReading[][] readings, string[] lines, DateOnly today)
    {
        var uncertain = readings
            .SelectMany((cells, line) => cells.Select((cell, column) => (line, column, cell)))
            .Where(c => c.cell.RunnerUp != c.cell.Best && c.cell.Margin < RepairMargin)
            .OrderBy(c => c.cell.Margin)
            .Take(UncertainCells);
        var valid = new Dictionary<string, MrzReading>();
        foreach (var (line, column, cell) in uncertain)
        {
            var substituted = Substitute(lines, line, column, cell.RunnerUp);
            var candidate = MrzParser.Parse(substituted, today, correct: false);
            if (candidate.Valid && Rival(layout, lines, substituted))
            {
                valid[string.Join('\n', candidate.Lines)] = candidate;
            }
        }

        return valid.Count == 1 ? valid.Values.Single() : null;
    }

    private static MrzReading RefuseAmbiguous(MrzLayout layout, MrzReading reading, MrzCellReading[][] readings, DateOnly today)
    {
        var lines = reading.Lines.ToArray();
        var errors = new List<string>();
        for (int line = 0; line < readings.Length && line < lines.Length; line++)
        {
            for (int column = 0; column < readings[line].Length && column < lines[line].Length; column++)
            {
                var cell = readings[line][column];
                if (cell.Margin >= AmbiguousMargin || cell.RunnerUp == lines[line][column])
                {
                    continue;
                }

                var alternative = Substitute(lines, line, column, cell.RunnerUp);
                if (Rival(layout, lines, alternative) && MrzParser.Parse(alternative, today, correct: false).Valid)
                {
                    errors.Add($"line {line + 1}, column {column + 1}: two characters match almost equally and no check digit tells them apart");
                }
            }
        }

        // Two close cells at once: check digits catch every single misread of a field but not every double one
        // (two letter-for-digit swaps whose weighted values cancel, mod 10).
        var close = readings.SelectMany((cells, line) => cells.Select((cell, column) => (line, column, cell)))
            .Where(c => c.cell.Margin < AmbiguousMargin && c.line < lines.Length && c.cell.RunnerUp != lines[c.line][c.column])
            .OrderBy(c => c.cell.Margin)
            .Take(PairedCells)
            .ToArray();
        for (int i = 0; i < close.Length && errors.Count == 0; i++)
        {
            for (int j = i + 1; j < close.Length; j++)
            {
                var both = Substitute(Substitute(lines, close[i].line, close[i].column, close[i].cell.RunnerUp), close[j].line, close[j].column, close[j].cell.RunnerUp);
                if (Rival(layout, lines, both) && MrzParser.Parse(both, today, correct: false).Valid)
                {
                    errors.Add($"lines {close[i].line + 1} and {close[j].line + 1}, columns {close[i].column + 1} and {close[j].column + 1}: "
                        + "another pair of characters that match almost as well would pass every check too");
                    break;
                }
            }
        }

        return errors.Count == 0 ? reading : reading with { Errors = [.. reading.Errors, .. errors] };
    }

    /// <summary>The closest cells whose runner-ups are tried in pairs.</summary>
    private const int PairedCells = 8;

    private static string[] Substitute(IReadOnlyList<string> lines, int line, int column, char c)
    {
        var copy = lines.ToArray();
        var chars = copy[line].ToCharArray();
        chars[column] = c;
        copy[line] = new string(chars);
        return copy;
    }

    /// <summary>The field layout, from the line count and length and the scores of the first cell (the document code).</summary>
    public static MrzLayout LayoutFor(int lineCount, int length, MrzCellScores documentCode)
    {
        if (lineCount == 3 && length == 30)
        {
            return MrzLayouts.For(MrzFormat.TD1);
        }

        if (length is not (36 or 44) || lineCount == 1)
        {
            // Lines of a length no ICAO format has (a mock-up's 45): no field is known, so every cell may be any
            // character, and the reading says what is printed for the parser to refuse.
            return MrzLayouts.For(MrzFormat.TD3) with { LineCount = lineCount, LineLength = length, Fields = [], Checks = [] };
        }

        // Visas differ from TD2/TD3 in the fields after column 28 of line 2; the document code says which it is.
        bool visa = documentCode.Score('V') >= documentCode.Ranked("ABCDEFGHIJKLMNOPQRSTUVWXYZ").First().Score;
        return MrzLayouts.For((length, visa) switch
        {
            (36, false) => MrzFormat.TD2,
            (36, true) => MrzFormat.MRVB,
            (_, false) => MrzFormat.TD3,
            (_, true) => MrzFormat.MRVA,
        });
    }
}

/// <summary>
/// How one character cell was read: the best character its field allows and the runner-up, with their
/// template-match scores (normalised correlation, up to 1). A small <see cref="Margin"/> means an uncertain cell.
/// </summary>
public readonly record struct MrzCellReading(char Best, float BestScore, char RunnerUp, float RunnerUpScore)
{
    public float Margin => BestScore - RunnerUpScore;
}

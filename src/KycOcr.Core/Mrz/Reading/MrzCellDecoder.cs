namespace KycOcr.Core.Mrz.Reading;

/// <summary>
/// Turns per-cell glyph scores into MRZ text: the best character each position's field allows, then the parser's
/// checks; when those fail, the runner-up characters of the least certain cells are tried, and a change is kept
/// only when it is the single one that makes every check digit and the structure hold.
/// </summary>
internal static class MrzCellDecoder
{
    private const int UncertainCells = 10;

    public static MrzImageAttempt Decode(MrzCellScores[][] cells, int length, DateOnly today)
    {
        var layout = LayoutFor(cells, length);
        var chosen = new char[cells.Length][];
        var runnerUp = new List<(int Line, int Column, char Char, float Margin)>();
        double total = 0;
        for (int line = 0; line < cells.Length; line++)
        {
            chosen[line] = new char[length];
            for (int column = 0; column < length; column++)
            {
                var ranked = cells[line][column].Ranked(MrzPositionAlphabet.For(layout, line, column)).Take(2).ToArray();
                chosen[line][column] = ranked[0].Char;
                total += ranked[0].Score;
                if (ranked.Length > 1)
                {
                    runnerUp.Add((line, column, ranked[1].Char, ranked[0].Score - ranked[1].Score));
                }
            }
        }

        double score = total / (cells.Length * length);
        var lines = chosen.Select(l => new string(l)).ToArray();
        var reading = MrzParser.Parse(lines, today);
        if (reading.Valid || !reading.Found)
        {
            return new MrzImageAttempt(reading, score);
        }

        var uncertain = runnerUp.OrderBy(r => r.Margin).Take(UncertainCells).ToList();
        var valid = new Dictionary<string, MrzReading>();
        foreach (var alternative in uncertain)
        {
            var variant = lines.ToArray();
            var chars = variant[alternative.Line].ToCharArray();
            chars[alternative.Column] = alternative.Char;
            variant[alternative.Line] = new string(chars);
            var candidate = MrzParser.Parse(variant, today, correct: false);
            if (candidate.Valid)
            {
                valid[string.Join('\n', candidate.Lines)] = candidate;
            }
        }

        return valid.Count == 1 ? new MrzImageAttempt(valid.Values.Single(), score) : new MrzImageAttempt(reading, score);
    }

    private static MrzLayout LayoutFor(MrzCellScores[][] cells, int length)
    {
        if (cells.Length == 3)
        {
            return MrzLayouts.For(MrzFormat.TD1);
        }

        // Visas differ from TD2/TD3 in the fields after column 28 of line 2; the document code says which it is.
        bool visa = cells[0][0].Score('V') >= cells[0][0].Ranked("ABCDEFGHIJKLMNOPQRSTUVWXYZ").First().Score;
        return MrzLayouts.For((length, visa) switch
        {
            (36, false) => MrzFormat.TD2,
            (36, true) => MrzFormat.MRVB,
            (_, false) => MrzFormat.TD3,
            (_, true) => MrzFormat.MRVA,
        });
    }
}

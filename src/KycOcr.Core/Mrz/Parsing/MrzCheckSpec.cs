namespace KycOcr.Core.Mrz.Parsing;

/// <summary>One check digit: the cells it covers and the cell that holds it.</summary>
internal sealed record MrzCheckSpec(string Name, IReadOnlyList<MrzPosition> Data, MrzPosition Digit)
{
    /// <summary>TD3 personal number: an empty field may carry '&lt;' instead of a check digit.</summary>
    public bool FillerDigitWhenEmpty { get; init; }

    /// <summary>The covered data is alphanumeric, so 0/O-style swaps are candidates the check digit must confirm.</summary>
    public bool Repairable { get; init; }

    public static MrzCheckSpec Over(string name, MrzPosition digit, params (int Line, int Start, int Length)[] ranges) =>
        new(name, Cells(ranges), digit);

    public static MrzPosition[] Cells(params (int Line, int Start, int Length)[] ranges) =>
        ranges.SelectMany(r => Enumerable.Range(r.Start, r.Length).Select(c => new MrzPosition(r.Line, c))).ToArray();

    public string DataText(IReadOnlyList<string> lines) => string.Concat(Data.Select(p => lines[p.Line][p.Column]));

    public bool Holds(IReadOnlyList<string> lines)
    {
        var data = DataText(lines);
        var digit = lines[Digit.Line][Digit.Column];
        if (FillerDigitWhenEmpty && digit == '<' && data.All(c => c == '<'))
        {
            return true;
        }

        return MrzCheckDigit.IsValid(data, digit);
    }
}

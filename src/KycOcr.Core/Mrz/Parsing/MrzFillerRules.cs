namespace KycOcr.Core.Mrz.Parsing;

/// <summary>
/// How the '&lt;' filler gets misread. OCR-B's chevron comes back as 'K' or 'X'. 'K' (value 20) never changes
/// a check digit, so a filler read as 'K' passes every check: only structure can catch it.
/// </summary>
internal static class MrzFillerRules
{
    public const char Filler = '<';

    // A longer run of look-alikes is more likely real data than misread fillers.
    private const int MaxLookalikeRun = 2;

    // "<<K<<<" is a damaged filler run; "AB<K<CD" is just as likely data.
    private const int MinFillersAround = 3;

    public static bool IsLookalike(char c) => c is 'K' or 'X';

    /// <summary>
    /// Offsets of look-alikes that sit inside a filler run of an issuer-defined data field:
    /// a run of at most two, bounded by fillers or the field edge, with at least three fillers around it.
    /// </summary>
    public static List<int> MisreadInData(ReadOnlySpan<char> field)
    {
        var found = new List<int>();
        var i = 0;
        while (i < field.Length)
        {
            if (!IsLookalike(field[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < field.Length && IsLookalike(field[end]))
            {
                end++;
            }

            if (end - i <= MaxLookalikeRun
                && (i == 0 || field[i - 1] == Filler)
                && (end == field.Length || field[end] == Filler)
                && FillersBefore(field, i) + FillersFrom(field, end) >= MinFillersAround)
            {
                for (var k = i; k < end; k++)
                {
                    found.Add(k);
                }
            }

            i = end;
        }

        return found;
    }

    /// <summary>Offsets of look-alikes at or after <paramref name="contentEnd"/>, where only fillers belong.</summary>
    public static List<int> MisreadAfter(ReadOnlySpan<char> field, int contentEnd)
    {
        var found = new List<int>();
        for (var i = contentEnd; i < field.Length; i++)
        {
            if (IsLookalike(field[i]))
            {
                found.Add(i);
            }
        }

        return found;
    }

    /// <summary>Where a filler-padded value (document number) ends: its first filler.</summary>
    public static int ContentEnd(ReadOnlySpan<char> field)
    {
        var first = field.IndexOf(Filler);
        return first < 0 ? field.Length : first;
    }

    private static int FillersBefore(ReadOnlySpan<char> field, int index)
    {
        var count = 0;
        for (var k = index - 1; k >= 0 && field[k] == Filler; k--)
        {
            count++;
        }

        return count;
    }

    private static int FillersFrom(ReadOnlySpan<char> field, int index)
    {
        var count = 0;
        for (var k = index; k < field.Length && field[k] == Filler; k++)
        {
            count++;
        }

        return count;
    }
}

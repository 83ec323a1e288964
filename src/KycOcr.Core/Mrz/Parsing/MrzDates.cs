namespace KycOcr.Core.Mrz.Parsing;

/// <summary>
/// Turns YYMMDD into a date. The MRZ drops the century, so it is inferred from <c>today</c>:
/// a birth date is the latest such date not after today (nobody is born in the future);
/// an expiry date is the one whose year lies in [today.Year − 79, today.Year + 20]
/// (documents are not issued for more than 20 years, and one that expired 80 years ago is not being read).
/// </summary>
public static class MrzDates
{
    /// <summary>How far ahead of today an expiry date may resolve.</summary>
    public const int ExpiryYearsAhead = 20;

    /// <summary>Null when the text is not six digits or not a calendar date (month 13, 30 February).</summary>
    public static DateOnly? ResolveBirthDate(ReadOnlySpan<char> yymmdd, DateOnly today)
    {
        if (!TrySplit(yymmdd, out var yy, out var month, out var day))
        {
            return null;
        }

        var year = today.Year / 100 * 100 + yy;
        if (year > today.Year)
        {
            year -= 100;
        }

        var date = Create(year, month, day);
        return date > today ? Create(year - 100, month, day) : date;
    }

    /// <summary>Null when the text is not six digits or not a calendar date.</summary>
    public static DateOnly? ResolveExpiryDate(ReadOnlySpan<char> yymmdd, DateOnly today)
    {
        if (!TrySplit(yymmdd, out var yy, out var month, out var day))
        {
            return null;
        }

        var latest = today.Year + ExpiryYearsAhead;
        var year = latest - ((latest % 100 - yy + 100) % 100);
        return Create(year, month, day);
    }

    private static bool TrySplit(ReadOnlySpan<char> yymmdd, out int yy, out int month, out int day)
    {
        yy = month = day = 0;
        if (yymmdd.Length != 6)
        {
            return false;
        }

        foreach (var c in yymmdd)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        yy = TwoDigits(yymmdd, 0);
        month = TwoDigits(yymmdd, 2);
        day = TwoDigits(yymmdd, 4);
        return true;
    }

    private static int TwoDigits(ReadOnlySpan<char> text, int at) => (text[at] - '0') * 10 + (text[at + 1] - '0');

    private static DateOnly? Create(int year, int month, int day)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new DateOnly(year, month, day);
    }
}

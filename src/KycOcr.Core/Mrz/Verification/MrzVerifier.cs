using System.Globalization;
using KycOcr.Core.Extraction;

namespace KycOcr.Core.Mrz.Verification;

/// <summary>
/// Checks, field by field, what an extractor read against a valid MRZ: names after ICAO transliteration
/// (the MRZ may cut long names short), dates as dates, codes as codes. Also whether the document had
/// expired on the day of the check.
/// </summary>
public static class MrzVerifier
{
    public const string Agrees = "agrees";
    public const string Disagrees = "disagrees";
    public const string NotRead = "not_read";
    public const string Unverified = "unverified";

    public static MrzVerification Verify(DocumentFields fields, MrzReading mrz, DateOnly today)
    {
        var trusted = mrz.Valid ? mrz.Fields : null;
        var results = new Dictionary<string, string>
        {
            ["surname"] = Compare(fields.Surname, trusted?.Surname, NamesAgree),
            ["given_names"] = Compare(fields.GivenNames, trusted?.GivenNames, NamesAgree),
            ["document_number"] = Compare(fields.DocumentNumber, trusted?.DocumentNumber, (read, zone) => Code(read) == Code(zone)),
            ["nationality"] = Compare(fields.Nationality, trusted?.Nationality, (read, zone) => Country(read) == Country(zone)),
            ["date_of_birth"] = Compare(fields.DateOfBirth, trusted?.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DatesAgree),
            ["sex"] = Compare(fields.Sex, trusted?.Sex, (read, zone) => Code(read) == Code(zone)),
            ["date_of_expiry"] = Compare(fields.DateOfExpiry, trusted?.ExpiryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DatesAgree),
        };

        var expiry = trusted?.ExpiryDate ?? ParseDate(fields.DateOfExpiry?.Value);
        return new MrzVerification(
            MrzFound: mrz.Found,
            MrzValid: mrz.Valid,
            Fields: results,
            AllAgree: trusted is not null && results.Values.All(r => r is Agrees or NotRead),
            DocumentExpired: expiry is { } date ? date < today : null,
            CheckedOn: today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static string Compare(FieldValue? read, string? zone, Func<string, string, bool> agree)
    {
        if (zone is null)
            return Unverified;
        if (read?.Value is not { Length: > 0 } value)
            return NotRead;
        return agree(value, zone) ? Agrees : Disagrees;
    }

    private static bool NamesAgree(string read, string zone)
    {
        // The MRZ name field has a fixed length: a long name is cut, so the zone may be a prefix of the name.
        return IcaoTransliteration.Forms(read).Any(form => form == zone || (zone.Length >= 2 && form.StartsWith(zone, StringComparison.Ordinal)));
    }

    private static bool DatesAgree(string read, string zone) => ParseDate(read) is { } date && date == ParseDate(zone);

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string Code(string value) => new(value.ToUpperInvariant().Where(char.IsLetterOrDigit).ToArray());

    // Germany prints "D" in the MRZ where other sources say "DEU".
    private static string Country(string value) => Code(value) is "DEU" ? "D" : Code(value);
}

/// <summary>The result's <c>verification</c> section.</summary>
public sealed record MrzVerification(
    bool MrzFound,
    bool MrzValid,
    IReadOnlyDictionary<string, string> Fields,
    bool AllAgree,
    bool? DocumentExpired,
    string CheckedOn);

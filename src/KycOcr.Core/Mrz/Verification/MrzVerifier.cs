using System.Globalization;
using System.Text.Json.Serialization;
using KycOcr.Core.Barcodes;
using KycOcr.Core.Extraction;

namespace KycOcr.Core.Mrz.Verification;

/// <summary>
/// Checks, field by field, what an extractor read against a valid MRZ: names after ICAO transliteration
/// (the MRZ may cut long names short), dates as dates, codes as codes; and against a decoded AAMVA barcode, the other
/// machine-readable source, under <c>barcode</c>. Also whether the document had expired on the day of the check.
/// </summary>
public static class MrzVerifier
{
    public const string Agrees = "agrees";
    public const string Disagrees = "disagrees";
    public const string NotRead = "not_read";
    public const string Unverified = "unverified";

    /// <param name="barcode">The page's AAMVA barcode, when it has one: the fields are checked against it too.</param>
    public static MrzVerification Verify(DocumentFields fields, MrzReading mrz, DateOnly today, BarcodeReading? barcode = null)
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

        var expiry = trusted?.ExpiryDate ?? ParseDate(barcode?.Fields.DateOfExpiry?.Value) ?? ParseDate(fields.DateOfExpiry?.Value);
        return new MrzVerification(
            MrzFound: mrz.Found,
            MrzValid: mrz.Valid,
            Fields: results,
            AllAgree: trusted is not null && results.Values.All(r => r is Agrees or NotRead),
            DocumentExpired: expiry is { } date ? date < today : null,
            CheckedOn: today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        {
            Barcode = barcode is null ? null : AgainstBarcode(fields, barcode.Fields),
        };
    }

    // Both sides are this service's normalised values: names compare letter for letter, whatever the spacing.
    private static BarcodeVerification AgainstBarcode(DocumentFields read, DocumentFields barcode)
    {
        var results = new Dictionary<string, string>
        {
            ["surname"] = Compare(read.Surname, barcode.Surname?.Value, (r, b) => Code(r) == Code(b)),
            ["given_names"] = Compare(read.GivenNames, barcode.GivenNames?.Value, (r, b) => Code(r) == Code(b)),
            ["document_number"] = Compare(read.DocumentNumber, barcode.DocumentNumber?.Value, (r, b) => Code(r) == Code(b)),
            ["date_of_birth"] = Compare(read.DateOfBirth, barcode.DateOfBirth?.Value, DatesAgree),
            ["sex"] = Compare(read.Sex, barcode.Sex?.Value, (r, b) => Code(r) == Code(b)),
            ["date_of_issue"] = Compare(read.DateOfIssue, barcode.DateOfIssue?.Value, DatesAgree),
            ["date_of_expiry"] = Compare(read.DateOfExpiry, barcode.DateOfExpiry?.Value, DatesAgree),
        };
        return new BarcodeVerification(results, results.Values.All(r => r is Agrees or NotRead or Unverified) && results.Values.Any(r => r is Agrees));
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
    string CheckedOn)
{
    /// <summary>The fields against the page's AAMVA barcode (absent without one).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BarcodeVerification? Barcode { get; init; }
}

/// <summary>
/// <c>verification.barcode</c>: per field <c>agrees</c>, <c>disagrees</c>, <c>not_read</c> or <c>unverified</c> (the
/// barcode does not carry it); <c>all_agree</c> when none disagrees and one at least agrees.
/// </summary>
public sealed record BarcodeVerification(IReadOnlyDictionary<string, string> Fields, bool AllAgree);

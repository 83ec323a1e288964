using System.Globalization;
using KycOcr.Core.Extraction;

namespace KycOcr.Core.Barcodes;

/// <summary>
/// Parses the content of an AAMVA PDF417 barcode (the DL/ID Card Design Standard, versions 1 to 10): the header
/// (<c>@</c>, separators, <c>ANSI </c>, issuer IIN, version, subfile designators), then the DL or ID subfile's data
/// elements, each a three-letter id and its value on a line of its own. A value the standard's format does not
/// allow (a date that is no date) is left out, never repaired.
/// </summary>
public static class AamvaParser
{
    private const string DrivingLicenceSubfile = "DL";
    private const string IdCardSubfile = "ID";

    /// <summary>The reading, or null when the text is not an AAMVA DL/ID barcode.</summary>
    public static BarcodeReading? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Older barcodes name the file type AAMVA; every later one ANSI. Both are followed by the issuer's IIN.
        var marker = text.IndexOf("ANSI ", StringComparison.Ordinal) is var ansi and >= 0 ? ansi : text.IndexOf("AAMVA", StringComparison.Ordinal);
        if (marker < 0 || marker > 8 || text.Length < marker + 5 + 10)
            return null;
        var header = text.AsSpan(marker + 5);
        var iin = header[..6].ToString();
        if (!iin.All(char.IsAsciiDigit) || !int.TryParse(header[6..8], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            return null;

        var (subfile, elements) = Subfile(text, marker + 5 + (version >= 2 ? 12 : 10));
        if (subfile is null)
            return null;

        var jurisdiction = AamvaJurisdictions.Of(iin);
        var country = Value(elements, "DCG") is { Length: 3 } named ? named : jurisdiction?.Country;
        var region = jurisdiction?.Region ?? (Value(elements, "DAJ") is { Length: 2 } state ? state : null);
        // Dates are MMDDCCYY in the United States and CCYYMMDD in Canada; the 2000 standard wrote CCYYMMDD everywhere.
        var yearFirst = version < 2 || country == "CAN";
        var fields = new DocumentFields
        {
            Surname = Field(Surname(elements)),
            GivenNames = Field(GivenNames(elements)),
            DocumentNumber = Field(Value(elements, "DAQ")),
            DateOfBirth = DateField(elements, "DBB", yearFirst),
            Sex = Field(Value(elements, "DBC") switch
            {
                "1" or "M" => "M",
                "2" or "F" => "F",
                "9" or "X" => "X",
                _ => null,
            }, Value(elements, "DBC")),
            DateOfIssue = DateField(elements, "DBD", yearFirst),
            DateOfExpiry = DateField(elements, "DBA", yearFirst),
            Address = Field(Address(elements), RawAddress(elements)),
        };
        return new BarcodeReading("PDF417", "AAMVA", version, subfile == DrivingLicenceSubfile ? "driving_licence" : "id_card", country, region, fields);
    }

    // The designators (type, 4-digit offset, 4-digit length) follow the header; the offset is where the subfile starts,
    // though some issuers count it wrong, so the subfile is also looked for by its type right after the designators.
    private static (string? Type, Dictionary<string, string> Elements) Subfile(string text, int designators)
    {
        if (designators + 10 > text.Length)
            return (null, []);
        var count = int.TryParse(text.AsSpan(designators - 2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var entries) ? entries : 1;
        for (var i = 0; i < Math.Max(1, count); i++)
        {
            var at = designators + i * 10;
            if (at + 10 > text.Length)
                break;
            var type = text.Substring(at, 2);
            if (type is not (DrivingLicenceSubfile or IdCardSubfile))
                continue;
            var offset = int.TryParse(text.AsSpan(at + 2, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : -1;
            var start = offset >= 0 && offset + 2 <= text.Length && text.AsSpan(offset, 2).SequenceEqual(type) ? offset : text.IndexOf(type, designators + count * 10, StringComparison.Ordinal);
            if (start < 0)
                continue;
            return (type, Elements(text[(start + 2)..]));
        }
        return (null, []);
    }

    private static Dictionary<string, string> Elements(string subfile)
    {
        // The subfile ends at its segment terminator (CR); what follows belongs to the next subfile.
        var end = subfile.IndexOf('\r', StringComparison.Ordinal);
        var elements = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (end >= 0 ? subfile[..end] : subfile).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.Length > 3 && line[..3].All(char.IsAsciiLetterUpper))
                elements.TryAdd(line[..3], line[3..].Trim());
        }
        return elements;
    }

    private static string? Value(Dictionary<string, string> elements, string id) =>
        elements.TryGetValue(id, out var value) && value.Length > 0 && !value.Equals("NONE", StringComparison.OrdinalIgnoreCase)
            && !value.Equals("unavl", StringComparison.OrdinalIgnoreCase)
            ? value
            : null;

    private static string? Surname(Dictionary<string, string> elements) =>
        Value(elements, "DCS") ?? Value(elements, "DAB") ?? FullName(elements)?.FirstOrDefault();

    private static string? GivenNames(Dictionary<string, string> elements)
    {
        if (Value(elements, "DAC") is { } first)
            return Value(elements, "DAD") is { } middle ? $"{first} {middle.Replace(',', ' ')}" : first;
        if (Value(elements, "DCT") is { } given)
            return string.Join(' ', given.Split([',', ' ', '$'], StringSplitOptions.RemoveEmptyEntries));
        return FullName(elements) is { Length: > 1 } parts ? string.Join(' ', parts[1..]) : null;
    }

    // DAA, the 2000 standard's full name: family name first, parts separated by commas (or $).
    private static string[]? FullName(Dictionary<string, string> elements) =>
        Value(elements, "DAA")?.Split([',', '$'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static FieldValue? DateField(Dictionary<string, string> elements, string id, bool yearFirst)
    {
        if (Value(elements, id) is not { Length: 8 } raw)
            return null;
        var format = yearFirst ? "yyyyMMdd" : "MMddyyyy";
        return DateOnly.TryParseExact(raw, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new FieldValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), raw, BarcodeReading.Source)
            : null;
    }

    private static string? Address(Dictionary<string, string> elements)
    {
        var street = string.Join(", ", new[] { Value(elements, "DAG"), Value(elements, "DAH") }.OfType<string>());
        var city = Value(elements, "DAI");
        var state = Value(elements, "DAJ");
        var postal = Value(elements, "DAK") is { } code ? PostalCode(code) : null;
        var place = string.Join(" ", new[] { state, postal }.OfType<string>());
        var parts = new[] { street, city, place }.Where(p => !string.IsNullOrEmpty(p)).ToArray();
        return parts.Length == 0 ? null : string.Join(", ", parts);
    }

    private static string? RawAddress(Dictionary<string, string> elements) =>
        string.Join("|", AddressElements.Select(id => Value(elements, id)).OfType<string>()) is { Length: > 0 } raw ? raw : null;

    private static readonly string[] AddressElements = ["DAG", "DAH", "DAI", "DAJ", "DAK"];

    // A US ZIP is written as 9 digits (ZIP+4, zeros when there is no +4), a Canadian postcode as 6 characters, both
    // padded with spaces.
    private static string PostalCode(string code)
    {
        var trimmed = code.Trim();
        if (trimmed.Length == 9 && trimmed.All(char.IsAsciiDigit))
            return trimmed[5..] == "0000" ? trimmed[..5] : $"{trimmed[..5]}-{trimmed[5..]}";
        return trimmed;
    }

    private static FieldValue? Field(string? value, string? raw = null) =>
        string.IsNullOrEmpty(value) ? null : new FieldValue(value, raw ?? value, BarcodeReading.Source);
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KycOcr.Core.Extraction;

/// <summary>
/// Checks a model reply against the schema and the value rules the schema cannot express
/// (date formats, ICAO codes, sex). A reply that breaks them is not silently repaired here.
/// </summary>
public static partial class ModelReplyParser
{
    public sealed record Parsed(DocumentInfo? Document, DocumentFields? Fields, IReadOnlyList<string> Problems)
    {
        public bool IsValid => Problems.Count == 0;
    }

    private static readonly HashSet<string> DateFields = ["date_of_birth", "date_of_issue", "date_of_expiry"];
    private static readonly HashSet<string> CountryFields = ["nationality"];

    public static Parsed Parse(string? content, string source)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(content))
            return new Parsed(null, null, ["the reply was empty"]);

        JsonElement root;
        try
        {
            root = JsonDocument.Parse(content).RootElement;
        }
        catch (JsonException)
        {
            return new Parsed(null, null, ["the reply was not valid JSON"]);
        }
        if (root.ValueKind != JsonValueKind.Object)
            return new Parsed(null, null, ["the reply was not a JSON object"]);

        var document = ParseDocument(root, problems);
        var values = new Dictionary<string, FieldValue?>();
        if (!root.TryGetProperty("fields", out var fields) || fields.ValueKind != JsonValueKind.Object)
        {
            problems.Add("'fields' is missing or not an object");
        }
        else
        {
            foreach (var property in fields.EnumerateObject())
            {
                if (!DocumentFields.Names.Contains(property.Name))
                    problems.Add($"'fields.{property.Name}' is not a field of the schema");
            }
            foreach (var name in DocumentFields.Names)
                values[name] = ParseField(fields, name, source, problems);
        }

        if (problems.Count > 0)
            return new Parsed(null, null, problems);

        return new Parsed(document, new DocumentFields
        {
            Surname = values["surname"],
            GivenNames = values["given_names"],
            DocumentNumber = values["document_number"],
            Nationality = values["nationality"],
            DateOfBirth = values["date_of_birth"],
            Sex = values["sex"],
            PlaceOfBirth = values["place_of_birth"],
            DateOfIssue = values["date_of_issue"],
            DateOfExpiry = values["date_of_expiry"],
            IssuingAuthority = values["issuing_authority"],
            PersonalNumber = values["personal_number"],
            Address = values["address"],
        }, problems);
    }

    private static DocumentInfo? ParseDocument(JsonElement root, List<string> problems)
    {
        if (!root.TryGetProperty("document", out var document) || document.ValueKind != JsonValueKind.Object)
        {
            problems.Add("'document' is missing or not an object");
            return null;
        }
        var type = document.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type is null || !ExtractionSchema.DocumentTypes.Contains(type))
            problems.Add($"'document.type' must be one of {string.Join(", ", ExtractionSchema.DocumentTypes)}");

        string? country = null;
        if (document.TryGetProperty("issuing_country", out var c) && c.ValueKind == JsonValueKind.String)
        {
            country = NormaliseCountry(c.GetString()!);
            if (country is null)
                problems.Add("'document.issuing_country' must be an ICAO three-letter code");
        }
        return new DocumentInfo(type ?? "other", country);
    }

    private static FieldValue? ParseField(JsonElement fields, string name, string source, List<string> problems)
    {
        if (!fields.TryGetProperty(name, out var field))
        {
            problems.Add($"'fields.{name}' is missing");
            return null;
        }
        if (field.ValueKind == JsonValueKind.Null)
            return null;
        if (field.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"'fields.{name}' must be an object or null");
            return null;
        }

        var value = StringOrNull(field, "value");
        var raw = StringOrNull(field, "raw");
        if (string.IsNullOrWhiteSpace(value))
            return null; // unreadable: reported as null, never half-filled

        value = value.Trim();
        if (DateFields.Contains(name) && !IsIsoDate(value))
        {
            problems.Add($"'fields.{name}.value' must be a date as YYYY-MM-DD");
        }
        else if (name == "sex" && value is not ("M" or "F" or "X"))
        {
            problems.Add("'fields.sex.value' must be M, F or X");
        }
        else if (CountryFields.Contains(name))
        {
            var code = NormaliseCountry(value);
            if (code is null)
                problems.Add($"'fields.{name}.value' must be an ICAO three-letter code");
            else
                value = code;
        }
        // Which image it was read on: kept where it names one, else unknown; never a reason to refuse the reply.
        var page = field.TryGetProperty("page", out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var number) && number >= 1
            ? number
            : (int?)null;
        return new FieldValue(value, raw, source, page);
    }

    private static string? StringOrNull(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool IsIsoDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    // ICAO codes are three letters, except a few one- or two-letter ones padded with '<' (D<< for Germany).
    private static string? NormaliseCountry(string value)
    {
        var trimmed = value.Trim().ToUpperInvariant().TrimEnd('<');
        return CountryCode().IsMatch(trimmed) ? trimmed : null;
    }

    [GeneratedRegex("^[A-Z]{1,3}$")]
    private static partial Regex CountryCode();
}

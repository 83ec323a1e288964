using System.Text.Json.Serialization;
using KycOcr.Core.Mrz;
using KycOcr.Core.Mrz.Verification;
using KycOcr.Core.Quality;

namespace KycOcr.Core.Extraction;

/// <summary>One field as read: the normalised value, the text as printed, which extractor read it, and on which page.</summary>
/// <param name="Page">The page (from 1) it was read on; absent where that is not known (a model that saw several pages).</param>
public sealed record FieldValue(
    string? Value, string? Raw, string Source, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Page = null);

/// <summary>The fields of every document, each null when absent from the document or unreadable.</summary>
public sealed record DocumentFields
{
    public FieldValue? Surname { get; init; }
    public FieldValue? GivenNames { get; init; }
    public FieldValue? DocumentNumber { get; init; }
    public FieldValue? Nationality { get; init; }
    public FieldValue? DateOfBirth { get; init; }
    public FieldValue? Sex { get; init; }
    public FieldValue? PlaceOfBirth { get; init; }
    public FieldValue? DateOfIssue { get; init; }
    public FieldValue? DateOfExpiry { get; init; }
    public FieldValue? IssuingAuthority { get; init; }
    public FieldValue? PersonalNumber { get; init; }
    public FieldValue? Address { get; init; }

    /// <summary>These fields with the page each was read on, as <paramref name="pageOf"/> says (null where unknown).</summary>
    public DocumentFields WithPages(Func<FieldValue, int?> pageOf)
    {
        FieldValue? On(FieldValue? field) => field is null ? null : field with { Page = pageOf(field) };
        return new DocumentFields
        {
            Surname = On(Surname), GivenNames = On(GivenNames), DocumentNumber = On(DocumentNumber), Nationality = On(Nationality),
            DateOfBirth = On(DateOfBirth), Sex = On(Sex), PlaceOfBirth = On(PlaceOfBirth), DateOfIssue = On(DateOfIssue),
            DateOfExpiry = On(DateOfExpiry), IssuingAuthority = On(IssuingAuthority), PersonalNumber = On(PersonalNumber), Address = On(Address),
        };
    }

    /// <summary>The schema's field names, in order (snake_case, as serialised).</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "surname", "given_names", "document_number", "nationality", "date_of_birth", "sex",
        "place_of_birth", "date_of_issue", "date_of_expiry", "issuing_authority", "personal_number", "address",
    ];
}

/// <param name="IssuingRegion">The state or province that issued a North American licence or ID card (from its barcode); absent otherwise.</param>
public sealed record DocumentInfo(
    string Type, string? IssuingCountry, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? IssuingRegion = null);

public sealed record TokenUsage(int PromptTokens, int CompletionTokens, int TotalTokens);

/// <summary>What an extractor read, before the job adds its id, quality report and timings.</summary>
public sealed record ExtractedDocument(
    DocumentInfo Document,
    DocumentFields Fields,
    TokenUsage? Usage,
    string Model,
    MrzReading? Mrz = null,
    MrzVerification? Verification = null);

/// <summary>The 200 body of <c>GET /id</c>: exactly these top-level keys, in this order (<c>pages</c> last, in results since pages).</summary>
public sealed record DocumentResult(
    string Id,
    DocumentInfo Document,
    DocumentFields Fields,
    MrzReading? Mrz,
    MrzVerification? Verification,
    QualitySummary? Quality,
    TokenUsage? Usage,
    string Model,
    [property: JsonPropertyName("timings_ms")] IReadOnlyDictionary<string, long> TimingsMs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Jobs.PageReport>? Pages = null)
{
    /// <param name="pages">What each page gave (null only in results stored before pages, which have no such key).</param>
    public static DocumentResult From(string id, ExtractedDocument read, QualitySummary quality, IReadOnlyDictionary<string, long> timingsMs,
        IReadOnlyList<Jobs.PageReport>? pages) =>
        new(id, read.Document, read.Fields, read.Mrz, read.Verification, quality, read.Usage, read.Model, timingsMs, pages);
}

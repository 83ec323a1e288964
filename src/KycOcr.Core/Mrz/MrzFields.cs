using System.Text.Json.Serialization;

namespace KycOcr.Core.Mrz;

/// <summary>The data elements of an MRZ, fillers removed.</summary>
public sealed record MrzFields
{
    /// <summary>"P", "I", "V", "ID", … (trailing filler removed).</summary>
    [JsonPropertyName("document_code")]
    public required string DocumentCode { get; init; }

    /// <summary>Null when it is not a state code (the reading may still be valid: see <see cref="MrzReading.Warnings"/>).</summary>
    [JsonPropertyName("issuing_state")]
    public required string? IssuingState { get; init; }

    /// <summary>Primary identifier, components separated by spaces; null when the name's start is not known.</summary>
    [JsonPropertyName("surname")]
    public required string? Surname { get; init; }

    /// <summary>Secondary identifier, components separated by spaces; empty when absent, null when the name's start is not known.</summary>
    [JsonPropertyName("given_names")]
    public required string? GivenNames { get; init; }

    /// <summary>The full number, including the TD1/TD2 overflow of a long number.</summary>
    [JsonPropertyName("document_number")]
    public required string DocumentNumber { get; init; }

    /// <summary>Null when it is not a state code.</summary>
    [JsonPropertyName("nationality")]
    public required string? Nationality { get; init; }

    /// <summary>Null when unreadable or not a calendar date.</summary>
    [JsonPropertyName("birth_date")]
    public DateOnly? BirthDate { get; init; }

    /// <summary>"M", "F" or "X" (unspecified, '&lt;' in the MRZ); null when unreadable.</summary>
    [JsonPropertyName("sex")]
    public string? Sex { get; init; }

    /// <summary>Null when unreadable or not a calendar date.</summary>
    [JsonPropertyName("expiry_date")]
    public DateOnly? ExpiryDate { get; init; }

    /// <summary>TD3: the personal number. Leading and trailing fillers removed, inner ones kept.</summary>
    [JsonPropertyName("optional_data")]
    public required string OptionalData { get; init; }

    /// <summary>TD1 only: the optional field of line 2.</summary>
    [JsonPropertyName("optional_data_2")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OptionalData2 { get; init; }
}

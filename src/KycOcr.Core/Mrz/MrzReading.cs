using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KycOcr.Core.Mrz;

/// <summary>The outcome of parsing: what was found, what it says, and whether it can be trusted.</summary>
public sealed record MrzReading
{
    // The default encoder writes every '<' as \u003C, which makes MRZ lines unreadable in logs and responses;
    // this JSON is not embedded in HTML, so the relaxed encoder is safe here.
    private static readonly JsonSerializerOptions _compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions _indented = new(_compact) { WriteIndented = true };

    /// <summary>False when the input does not look like any MRZ format.</summary>
    [JsonPropertyName("found")]
    public bool Found { get; init; }

    [JsonPropertyName("format")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MrzFormat? Format { get; init; }

    /// <summary>The lines as finally read: normalised, and corrected when corrections were accepted.</summary>
    [JsonPropertyName("lines")]
    public IReadOnlyList<string> Lines { get; init; } = [];

    /// <summary>Every check digit holds and the structure is right.</summary>
    [JsonPropertyName("valid")]
    public bool Valid => Found && Errors.Count == 0;

    /// <summary>Check name (document_number, birth_date, expiry_date, optional_data, composite) → holds.</summary>
    [JsonPropertyName("checks")]
    public IReadOnlyDictionary<string, bool> Checks { get; init; } = new Dictionary<string, bool>();

    [JsonPropertyName("fields")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MrzFields? Fields { get; init; }

    /// <summary>Changes applied to the OCR text; empty unless the corrected reading validated.</summary>
    [JsonPropertyName("corrections")]
    public IReadOnlyList<MrzCorrection> Corrections { get; init; } = [];

    /// <summary>Failed checks and structural problems; empty exactly when <see cref="Valid"/>.</summary>
    [JsonPropertyName("errors")]
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>
    /// Fields that break their own rule (a date that is no date, a state code or sex that is none) and are reported
    /// as unreadable (null) while the check digits hold for the rest. Never a reason for <see cref="Valid"/> to be false.
    /// </summary>
    [JsonPropertyName("warnings")]
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public static MrzReading NotFound(string reason) => new() { Errors = [reason] };

    /// <summary>
    /// Machine-readable print that is no ICAO zone (a driving licence's single line): found, read as printed, never valid.
    /// </summary>
    public static MrzReading NotIcao(IReadOnlyList<string> lines) => new()
    {
        Found = true,
        Lines = [.. lines],
        Errors = [$"not an ICAO machine-readable zone: {lines.Count} line(s) of {string.Join(", ", lines.Select(l => l.Length))} characters"],
    };

    /// <summary>Serialises with '&lt;' left readable; plain <see cref="JsonSerializer"/> gives the same shape.</summary>
    public string ToJson(bool indented = false) => JsonSerializer.Serialize(this, indented ? _indented : _compact);
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KycOcr.Samples;

/// <summary>System.Text.Json settings for ground truth: snake_case names and enum values.</summary>
public static class GroundTruthJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        WriteIndented = true,

        // Keeps MRZ fillers as '<' rather than \u003C: these files are read by people, not embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(DocumentGroundTruth truth) => JsonSerializer.Serialize(truth, Options);

    public static DocumentGroundTruth Deserialize(string json) =>
        JsonSerializer.Deserialize<DocumentGroundTruth>(json, Options)
        ?? throw new JsonException("Ground truth JSON was null.");
}

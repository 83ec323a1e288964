using System.Text.Json.Nodes;

namespace KycOcr.Core.Extraction;

/// <summary>
/// The strict JSON schema sent as <c>response_format</c>: the model can only answer in this shape,
/// with null for whatever it cannot read.
/// </summary>
public static class ExtractionSchema
{
    public const string Name = "identity_document";

    public static readonly IReadOnlyList<string> DocumentTypes = ["passport", "id_card", "driving_licence", "residence_permit", "other"];

    public static string Json { get; } = Build().ToJsonString();

    private static JsonObject Build()
    {
        var fields = new JsonObject();
        foreach (var name in DocumentFields.Names)
            fields[name] = Field();

        return StrictObject(new JsonObject
        {
            ["document"] = StrictObject(new JsonObject
            {
                ["type"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. DocumentTypes.Select(t => JsonValue.Create(t))]) },
                ["issuing_country"] = NullableString("ICAO 9303 three-letter code of the issuing state, e.g. FRA, D for Germany, UTO."),
            }),
            ["fields"] = StrictObject(fields),
        });
    }

    private static JsonObject Field() => new()
    {
        ["type"] = new JsonArray("object", "null"),
        ["properties"] = new JsonObject
        {
            ["value"] = NullableString("Normalised: dates YYYY-MM-DD, sex M/F/X, countries ICAO codes; null if not legible."),
            ["raw"] = NullableString("Exactly as printed on the document."),
            ["page"] = new JsonObject
            {
                ["type"] = new JsonArray("integer", "null"),
                ["description"] = "The image the field was read from, counting from 1 in the order the images were given.",
            },
        },
        ["required"] = new JsonArray("value", "raw", "page"),
        ["additionalProperties"] = false,
    };

    private static JsonObject NullableString(string description) => new()
    {
        ["type"] = new JsonArray("string", "null"),
        ["description"] = description,
    };

    private static JsonObject StrictObject(JsonObject properties) => new()
    {
        ["type"] = "object",
        ["properties"] = properties,
        ["required"] = new JsonArray([.. properties.Select(p => JsonValue.Create(p.Key))]),
        ["additionalProperties"] = false,
    };
}

using System.Text.Json;
using System.Text.Json.Nodes;
using KycOcr.Core.Mrz;

namespace KycOcr.Core.Jobs;

/// <summary>
/// Reads what the engine stored before the typed stage records (up to commit abeee73): the engine's default JSON,
/// with PascalCase keys, a success and a failure as one record of nullables, and the payloads (quality, MRZ, result)
/// already in the API's snake_case. Each upgrade gives the record's JSON today; tests replay recorded histories.
/// </summary>
internal static class LegacyJobJson
{
    private static readonly Dictionary<Type, Func<JsonObject, JsonObject>> Upgrades = new()
    {
        [typeof(JobRequest)] = request => Renamed(request, "policy", Renamed),
        [typeof(PreprocessInput)] = Renamed,
        [typeof(ExtractInput)] = input =>
        {
            var renamed = Renamed(input);
            renamed["mrz"] ??= JsonSerializer.SerializeToNode(MrzReading.NotFound("the MRZ was not read"), KycJson.Options);
            return renamed;
        },
        [typeof(InboxResultInput)] = input => Renamed(input, "outcome", JobOutcomeOf),
        [typeof(JobOutcome)] = JobOutcomeOf,
        [typeof(PreprocessOutcome)] = PreprocessOutcomeOf,
        [typeof(ExtractOutcome)] = ExtractOutcomeOf,
    };

    /// <summary>The JSON of today's record for <paramref name="json"/>, or null when it needs no upgrade.</summary>
    public static JsonNode? Upgrade(string json, Type target)
    {
        if (!Upgrades.TryGetValue(target, out var upgrade) || JsonNode.Parse(json) is not JsonObject stored)
            return null;
        return IsLegacy(stored, target) ? upgrade(stored) : null;
    }

    // Today's outcomes carry their "outcome" key, and every record's keys are snake_case (each has a key of two words).
    private static bool IsLegacy(JsonObject stored, Type target) =>
        target.IsAbstract ? !stored.ContainsKey("outcome") : stored.Any(p => p.Key.Any(char.IsUpper));

    private static JsonObject JobOutcomeOf(JsonObject stored)
    {
        var old = Renamed(stored);
        return old["error"] is JsonObject error
            ? new JsonObject { ["outcome"] = "ended", ["error"] = error.DeepClone() }
            : new JsonObject { ["outcome"] = "succeeded", ["result"] = old["result"]?.DeepClone() };
    }

    private static JsonObject PreprocessOutcomeOf(JsonObject stored)
    {
        var old = Renamed(stored);
        var elapsed = old["elapsed_ms"]?.DeepClone();
        return old["rejection"] is JsonObject rejection
            ? new JsonObject { ["outcome"] = "refused", ["error"] = rejection.DeepClone(), ["elapsed_ms"] = elapsed }
            : new JsonObject
            {
                ["outcome"] = "prepared",
                ["image_blob_name"] = old["image_blob_name"]?.DeepClone(),
                ["quality"] = old["quality"]?.DeepClone(),
                ["mrz"] = old["mrz"]?.DeepClone() ?? JsonSerializer.SerializeToNode(MrzReading.NotFound("the MRZ was not read"), KycJson.Options),
                ["elapsed_ms"] = elapsed,
            };
    }

    // The old extract stage built the whole 200 body; today's keeps what the extractor read, and the job adds the
    // quality report and the preprocessing time, which are the same values the old body was built from. An old error
    // already carries what the job would add, so it is passed on as it is.
    private static JsonObject ExtractOutcomeOf(JsonObject stored)
    {
        var old = Renamed(stored);
        if (old["error"] is JsonObject error)
            return new JsonObject { ["outcome"] = "failed", ["error"] = error.DeepClone() };
        var result = old["result"] as JsonObject ?? throw new JsonException("A stored extract outcome has neither a result nor an error.");
        var document = new JsonObject();
        foreach (var key in new[] { "document", "fields", "usage", "model", "mrz", "verification" })
            document[key] = result[key]?.DeepClone();
        return new JsonObject
        {
            ["outcome"] = "extracted",
            ["document"] = document,
            ["elapsed_ms"] = result["timings_ms"]?["extraction"]?.DeepClone(),
        };
    }

    // A record holding another stored record under key, upgraded in turn.
    private static JsonObject Renamed(JsonObject stored, string key, Func<JsonObject, JsonObject> upgradeInner)
    {
        var renamed = Renamed(stored);
        if (renamed[key] is JsonObject inner)
            renamed[key] = upgradeInner(inner);
        return renamed;
    }

    // Only the record's own keys: the payloads inside were written in the API's JSON already.
    private static JsonObject Renamed(JsonObject stored)
    {
        var renamed = new JsonObject();
        foreach (var (key, value) in stored)
            renamed[JsonNamingPolicy.SnakeCaseLower.ConvertName(key)] = value?.DeepClone();
        return renamed;
    }
}

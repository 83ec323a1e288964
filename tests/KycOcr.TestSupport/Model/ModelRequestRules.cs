using System.Text.Json;

namespace KycOcr.TestSupport.Model;

/// <summary>
/// What OpenAI's and Azure OpenAI's chat completions refuse, by model family (Azure OpenAI "reasoning models" page:
/// reasoning models do not take temperature, top_p, the penalties, log probabilities, logit bias or max_tokens,
/// and take reasoning_effort from their own set of values; older chat models do not know reasoning_effort).
/// </summary>
public static class ModelRequestRules
{
    private static readonly string[] RefusedByReasoningModels =
        ["temperature", "top_p", "presence_penalty", "frequency_penalty", "logprobs", "top_logprobs", "logit_bias", "max_tokens"];

    /// <summary>The 400 the service would answer, or null when the request is one <paramref name="model"/> takes.</summary>
    public static ModelReply? Refusal(string model, JsonElement body)
    {
        // The server's own reading of the name, not the app's (ModelOptions.FamilyOf): it stands for the service.
        var name = model.ToLowerInvariant();
        var reasoning = name.StartsWith("gpt-5", StringComparison.Ordinal) || (name.Length >= 2 && name[0] == 'o' && char.IsAsciiDigit(name[1]));
        if (!reasoning)
        {
            return body.TryGetProperty("reasoning_effort", out _)
                ? Unsupported("parameter", "reasoning_effort", $"Unrecognized request argument supplied: reasoning_effort")
                : null;
        }
        foreach (var parameter in RefusedByReasoningModels)
        {
            if (body.TryGetProperty(parameter, out _))
            {
                var hint = parameter == "max_tokens" ? " Use 'max_completion_tokens' instead." : string.Empty;
                return Unsupported("parameter", parameter, $"Unsupported parameter: '{parameter}' is not supported with this model.{hint}");
            }
        }
        if (body.TryGetProperty("reasoning_effort", out var effort))
        {
            string[] allowed = name.StartsWith("gpt-5.1", StringComparison.Ordinal) ? ["none", "low", "medium", "high"]
                : name.StartsWith("gpt-5", StringComparison.Ordinal) ? ["minimal", "low", "medium", "high"]
                : ["low", "medium", "high"];
            if (!allowed.Contains(effort.GetString()))
            {
                return Unsupported("value", "reasoning_effort",
                    $"Unsupported value: '{effort.GetString()}' is not supported with the '{model}' model. Supported values are: {string.Join(", ", allowed.Select(a => $"'{a}'"))}.");
            }
        }
        return null;
    }

    private static ModelReply Unsupported(string what, string parameter, string message) =>
        ModelReply.Error(400, new { message, type = "invalid_request_error", param = parameter, code = $"unsupported_{what}" });
}

using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace KycOcr.Core.Configuration;

/// <summary>Which extractor reads the document, and how the vision model is reached.</summary>
public sealed class ModelOptions : IValidatableObject
{
    public const string Offline = "offline";
    public const string AzureOpenAi = "azure-openai";
    public const string OpenAi = "openai";

    /// <summary><c>offline</c>, <c>azure-openai</c> or <c>openai</c>; empty chooses from the endpoints that are set.</summary>
    [ConfigurationKeyName("EXTRACTOR")]
    public string? Extractor { get; set; }

    [ConfigurationKeyName("AZURE_OPENAI_ENDPOINT")]
    public string? AzureOpenAiEndpoint { get; set; }

    [ConfigurationKeyName("AZURE_OPENAI_DEPLOYMENT")]
    public string? AzureOpenAiDeployment { get; set; }

    /// <summary>When empty, Microsoft Entra ID (DefaultAzureCredential) authenticates to Azure OpenAI.</summary>
    [ConfigurationKeyName("AZURE_OPENAI_API_KEY")]
    public string? AzureOpenAiApiKey { get; set; }

    [ConfigurationKeyName("OPENAI_BASE_URL")]
    public string? OpenAiBaseUrl { get; set; }

    [ConfigurationKeyName("OPENAI_API_KEY")]
    public string? OpenAiApiKey { get; set; }

    [ConfigurationKeyName("OPENAI_MODEL"), Required]
    public string OpenAiModel { get; set; } = "gpt-5.1";

    public const string Classic = "classic";
    public const string Reasoning = "reasoning";

    /// <summary>
    /// How the model takes a request: <c>classic</c> (gpt-4o, gpt-4.1: temperature 0, Azure's <c>max_tokens</c>) or
    /// <c>reasoning</c> (gpt-5 family, o-series: no sampling settings, <c>max_completion_tokens</c>, a reasoning
    /// effort). Empty infers it from <c>OPENAI_MODEL</c>, or from <c>AZURE_OPENAI_DEPLOYMENT</c> when that is named
    /// after its model; an Azure deployment with another name needs it set (the infra sets it).
    /// </summary>
    [ConfigurationKeyName("MODEL_FAMILY"), RegularExpression("^(classic|reasoning)?$")]
    public string? ModelFamily { get; set; }

    /// <summary>A reasoning model's <c>reasoning_effort</c>; empty leaves the model's default (gpt-5.1: none).</summary>
    [ConfigurationKeyName("MODEL_REASONING_EFFORT"), RegularExpression("^(none|minimal|low|medium|high)?$")]
    public string? ReasoningEffort { get; set; }

    /// <summary>The family in force: the explicit choice, else the one the model's name says.</summary>
    public string EffectiveModelFamily =>
        !string.IsNullOrWhiteSpace(ModelFamily) ? ModelFamily.Trim().ToLowerInvariant()
        : FamilyOf(EffectiveExtractor == AzureOpenAi ? AzureOpenAiDeployment : OpenAiModel);

    /// <summary>Reasoning for the gpt-5 family and the o-series (o1, o3, o4-mini…), classic for the rest.</summary>
    public static string FamilyOf(string? modelName)
    {
        var name = (modelName ?? string.Empty).Trim().ToLowerInvariant();
        var reasoning = name.StartsWith("gpt-5", StringComparison.Ordinal)
            || (name.Length >= 2 && name[0] == 'o' && char.IsAsciiDigit(name[1]));
        return reasoning ? Reasoning : Classic;
    }

    /// <summary>Room for the whole result schema; the original's 500 cut replies short.</summary>
    [ConfigurationKeyName("MODEL_MAX_TOKENS"), Range(256, 16_384)]
    public int MaxTokens { get; set; } = 2000;

    [ConfigurationKeyName("MODEL_IMAGE_DETAIL"), RegularExpression("^(low|high|auto)$")]
    public string ImageDetail { get; set; } = "high";

    /// <summary>Long side, in pixels, of the image sent to the model; smaller images are never upscaled.</summary>
    [ConfigurationKeyName("MODEL_IMAGE_MAX_SIDE"), Range(256, 4096)]
    public int ImageMaxSide { get; set; } = 1024;

    [ConfigurationKeyName("MODEL_JPEG_QUALITY"), Range(50, 100)]
    public int JpegQuality { get; set; } = 90;

    /// <summary>The extractor in force: the explicit choice, else the model whose endpoint is set, else offline.</summary>
    public string EffectiveExtractor =>
        !string.IsNullOrWhiteSpace(Extractor) ? Extractor.Trim().ToLowerInvariant()
        : !string.IsNullOrWhiteSpace(AzureOpenAiEndpoint) ? AzureOpenAi
        : !string.IsNullOrWhiteSpace(OpenAiBaseUrl) ? OpenAi
        : Offline;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        switch (EffectiveExtractor)
        {
            case Offline:
                break;
            case AzureOpenAi:
                if (!IsAbsoluteHttpUrl(AzureOpenAiEndpoint))
                    yield return Error("EXTRACTOR=azure-openai needs AZURE_OPENAI_ENDPOINT, an absolute http(s) URL.");
                if (string.IsNullOrWhiteSpace(AzureOpenAiDeployment))
                    yield return Error("EXTRACTOR=azure-openai needs AZURE_OPENAI_DEPLOYMENT, the model deployment's name.");
                break;
            case OpenAi:
                if (!IsAbsoluteHttpUrl(OpenAiBaseUrl))
                    yield return Error("EXTRACTOR=openai needs OPENAI_BASE_URL, an absolute http(s) URL such as https://api.openai.com/v1.");
                break;
            default:
                yield return Error($"EXTRACTOR must be one of offline, azure-openai, openai (was '{Extractor}').");
                break;
        }
        if (EffectiveExtractor != Offline && !string.IsNullOrWhiteSpace(ReasoningEffort) && EffectiveModelFamily != Reasoning)
            yield return Error("MODEL_REASONING_EFFORT applies to reasoning models only: set MODEL_FAMILY=reasoning, or leave the effort empty.");
    }

    private static bool IsAbsoluteHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static ValidationResult Error(string message) => new(message);
}

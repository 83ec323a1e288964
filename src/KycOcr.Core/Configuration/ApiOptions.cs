using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace KycOcr.Core.Configuration;

/// <summary>What the HTTP API accepts: who may call it and how large an upload may be.</summary>
public sealed class ApiOptions
{
    /// <summary>Comma-separated API keys. Each key's owner sees only the tasks submitted with it.</summary>
    [ConfigurationKeyName("API_KEYS")]
    public string? ApiKeys { get; set; }

    /// <summary>A single key, as the original service read it; merged with <see cref="ApiKeys"/>.</summary>
    [ConfigurationKeyName("API_KEY")]
    public string? ApiKey { get; set; }

    [ConfigurationKeyName("MAX_UPLOAD_BYTES"), Range(1024, 512L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Images whose header declares more pixels are refused before anything is decoded.</summary>
    [ConfigurationKeyName("MAX_IMAGE_PIXELS"), Range(10_000, 1L << 30)]
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>Requests per minute each API key may make (submits and polls alike); 0 turns the limit off.</summary>
    [ConfigurationKeyName("RATE_LIMIT_PER_MINUTE"), Range(0, 1_000_000)]
    public int RateLimitPerMinute { get; set; } = 600;

    /// <summary>Every configured key, trimmed, without empties or duplicates.</summary>
    public IReadOnlyList<string> AllKeys() =>
        (ApiKeys ?? string.Empty).Split(',')
            .Append(ApiKey ?? string.Empty)
            .Select(k => k.Trim())
            .Where(k => k.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}

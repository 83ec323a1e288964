using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace KycOcr.Core.Configuration;

/// <summary>What the HTTP API accepts: who may call it and how large an upload may be.</summary>
public sealed class ApiOptions : IValidatableObject
{
    /// <summary>Shortest key accepted: a guessable key is no lock.</summary>
    public const int MinApiKeyLength = 16;

    /// <summary>What App Service passes on, as the setting's literal text, when it cannot resolve a Key Vault reference.</summary>
    private const string KeyVaultReference = "@Microsoft.KeyVault(";

    /// <summary>Comma-separated API keys. Each key's owner sees only the tasks submitted with it.</summary>
    [ConfigurationKeyName("API_KEYS")]
    public string? ApiKeys { get; set; }

    /// <summary>A single key, as the original service read it; merged with <see cref="ApiKeys"/>.</summary>
    [ConfigurationKeyName("API_KEY")]
    public string? ApiKey { get; set; }

    [ConfigurationKeyName("MAX_UPLOAD_BYTES"), Range(1024, 512L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Pages (photos: front and back, say) one job may have; <c>MAX_UPLOAD_BYTES</c> bounds them together.</summary>
    [ConfigurationKeyName("MAX_PAGES"), Range(1, 16)]
    public int MaxPages { get; set; } = 4;

    /// <summary>Images whose header declares more pixels are refused before anything is decoded.</summary>
    [ConfigurationKeyName("MAX_IMAGE_PIXELS"), Range(10_000, 1L << 30)]
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>Submissions (<c>POST /read_text</c>, <c>DELETE /id</c>) per minute each API key may make; 0 turns the limit off.</summary>
    [ConfigurationKeyName("RATE_LIMIT_PER_MINUTE"), Range(0, 1_000_000)]
    public int RateLimitPerMinute { get; set; } = 600;

    /// <summary>
    /// Status and result reads (<c>GET /id</c>) per minute each API key may make; 0 turns the limit off. High enough
    /// for a back end that polls every job it has in flight several times a second (16 jobs at 200 ms are 4,800).
    /// </summary>
    [ConfigurationKeyName("READ_RATE_LIMIT_PER_MINUTE"), Range(0, 10_000_000)]
    public int ReadRateLimitPerMinute { get; set; } = 12_000;

    /// <summary>
    /// Fails closed: a key list with an empty entry, a short key or an unresolved Key Vault reference (whose text
    /// would otherwise become a valid key) stops the start. The messages say where, never what the key is.
    /// </summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { ("API_KEYS", ApiKeys), ("API_KEY", ApiKey) })
        {
            if (string.IsNullOrWhiteSpace(value))
                continue;
            var keys = value.Split(',').Select(k => k.Trim()).ToArray();
            for (var i = 0; i < keys.Length; i++)
            {
                var which = keys.Length == 1 ? name : $"{name} (key {i + 1} of {keys.Length})";
                if (keys[i].Contains(KeyVaultReference, StringComparison.OrdinalIgnoreCase))
                {
                    yield return new ValidationResult(
                        $"{which} is an unresolved Key Vault reference: the app could not read the secret (check that its identity holds Key Vault Secrets User and is the site's keyVaultReferenceIdentity). Refusing to start rather than accept the reference's text as a key.",
                        [name]);
                }
                else if (keys[i].Length == 0)
                {
                    yield return new ValidationResult($"{which} is empty: remove the stray comma or set the key.", [name]);
                }
                else if (keys[i].Length < MinApiKeyLength)
                {
                    yield return new ValidationResult(
                        $"{which} is {keys[i].Length} characters long; keys must have at least {MinApiKeyLength} (for example 24 random bytes in base64).", [name]);
                }
            }
        }
    }

    /// <summary>Every configured key, trimmed, without empties or duplicates.</summary>
    public IReadOnlyList<string> AllKeys() =>
        (ApiKeys ?? string.Empty).Split(',')
            .Append(ApiKey ?? string.Empty)
            .Select(k => k.Trim())
            .Where(k => k.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}

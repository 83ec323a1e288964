using Microsoft.Extensions.Configuration;

namespace KycOcr.Core.Configuration;

/// <summary>Whether the holder's portrait is looked for on every accepted page, and kept for <c>GET /portrait</c>.</summary>
public sealed class PortraitOptions
{
    /// <summary>Off: no detection, <c>portrait</c> is null on every page and no crop is stored.</summary>
    [ConfigurationKeyName("PORTRAITS_ENABLED")]
    public bool Enabled { get; set; } = true;
}

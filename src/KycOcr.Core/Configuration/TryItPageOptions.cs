using Microsoft.Extensions.Configuration;

namespace KycOcr.Core.Configuration;

/// <summary>Whether <c>GET /</c> serves the try-it page.</summary>
public sealed class TryItPageOptions
{
    /// <summary>Off: <c>/</c> and the page's files answer 404 like any unknown route. The infra turns it off unless asked.</summary>
    [ConfigurationKeyName("TRY_IT_PAGE_ENABLED")]
    public bool Enabled { get; set; } = true;
}

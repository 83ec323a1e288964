using System.Globalization;

namespace KycOcr.Core.Http;

/// <summary>When a client should ask again about a job that is still running: the <c>Retry-After</c> of every 202.</summary>
public static class PollingAdvice
{
    public const int RetryAfterSeconds = 2;

    public static string RetryAfter { get; } = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
}

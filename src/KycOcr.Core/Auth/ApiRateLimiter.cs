using System.Threading.RateLimiting;
using KycOcr.Core.Configuration;
using Microsoft.Extensions.Options;

namespace KycOcr.Core.Auth;

/// <summary>
/// Requests per minute per API key (<c>RATE_LIMIT_PER_MINUTE</c>, 0 = off), counted in this process:
/// with several instances each allows the full rate.
/// </summary>
public sealed class ApiRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public ApiRateLimiter(IOptions<ApiOptions> options)
    {
        var perMinute = options.Value.RateLimitPerMinute;
        if (perMinute <= 0)
            return;
        _limiter = PartitionedRateLimiter.Create<string, string>(owner => RateLimitPartition.GetFixedWindowLimiter(owner, _ =>
            new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Null when the request may go on; else how long the caller should wait.</summary>
    public TimeSpan? TryAdmit(string ownerId)
    {
        if (_limiter is null)
            return null;
        using var lease = _limiter.AttemptAcquire(ownerId);
        if (lease.IsAcquired)
            return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter?.Dispose();
}

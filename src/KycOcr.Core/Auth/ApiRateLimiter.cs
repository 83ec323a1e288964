using System.Threading.RateLimiting;
using KycOcr.Core.Configuration;
using Microsoft.Extensions.Options;

namespace KycOcr.Core.Auth;

/// <summary>
/// Per API key and minute, submissions (<c>RATE_LIMIT_PER_MINUTE</c>) and reads (<c>READ_RATE_LIMIT_PER_MINUTE</c>)
/// apart, 0 = off: a back end polling many jobs with one key must not run out of submissions. Counted in this
/// process: with several instances each allows the full rate.
/// </summary>
public sealed class ApiRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _submissions;
    private readonly PartitionedRateLimiter<string>? _reads;

    public ApiRateLimiter(IOptions<ApiOptions> options)
    {
        _submissions = PerKey(options.Value.RateLimitPerMinute);
        _reads = PerKey(options.Value.ReadRateLimitPerMinute);
    }

    private static PartitionedRateLimiter<string>? PerKey(int perMinute) => perMinute <= 0 ? null
        : PartitionedRateLimiter.Create<string, string>(owner => RateLimitPartition.GetFixedWindowLimiter(owner, _ =>
            new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    /// <summary>Null when the request may go on; else how long the caller should wait.</summary>
    public TimeSpan? TryAdmit(string ownerId, RequestCost cost)
    {
        var limiter = cost == RequestCost.Read ? _reads : _submissions;
        if (limiter is null)
            return null;
        using var lease = limiter.AttemptAcquire(ownerId);
        if (lease.IsAcquired)
            return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void Dispose()
    {
        _submissions?.Dispose();
        _reads?.Dispose();
    }
}

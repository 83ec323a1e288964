using System.Globalization;
using KycOcr.Core.Auth;
using Microsoft.AspNetCore.Http;

namespace KycOcr.Core.Http;

/// <summary>Who is calling, and whether they may call now: the API key, then the key's rate limit for this kind of request.</summary>
public sealed class CallerGate(ApiKeyAuthenticator auth, ApiRateLimiter limiter)
{
    /// <summary>The caller's owner id, or the 401/429 answer to give instead.</summary>
    public (string? Owner, IResult? Refusal) Admit(HttpRequest request, RequestCost cost)
    {
        var owner = auth.Authenticate(request.Headers[ApiKeyAuthenticator.HeaderName]);
        if (owner is null)
            return (null, ApiResults.Unauthorized());

        if (limiter.TryAdmit(owner, cost) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            return (null, ApiResults.Json(StatusCodes.Status429TooManyRequests,
                new ApiError($"Too many requests for this API key: wait {seconds} s and try again.", ErrorCodes.RateLimited),
                new Dictionary<string, string> { ["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture) }));
        }
        return (owner, null);
    }
}

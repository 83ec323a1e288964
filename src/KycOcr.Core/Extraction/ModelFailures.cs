using System.ClientModel;
using System.Globalization;
using System.Net.Sockets;

namespace KycOcr.Core.Extraction;

/// <summary>Tells retryable model-service failures from final ones, with messages safe to show.</summary>
internal static class ModelFailures
{
    public static Exception FromStatus(ClientResultException e)
    {
        switch (e.Status)
        {
            case 429:
                // The wait the service asks for travels with the failure: the orchestration waits it out on a durable
                // timer, so no activity holds a worker asleep.
                return new TransientExtractionException(ExtractionErrorCodes.Throttled, "The model service is throttling requests.",
                    RetryAfter(e) is { } wait ? new ModelRetryAfterException(wait, e) : e);
            case 0:
                return new TransientExtractionException(ExtractionErrorCodes.ConnectionFailed, "The connection to the model service failed.", e);
            case 408:
            case >= 500:
                return new TransientExtractionException(ExtractionErrorCodes.Unavailable, $"The model service answered {e.Status}.", e);
            case 400 when IsContentFilter(e):
                return new FinalExtractionException(ExtractionErrorCodes.ContentFiltered, "The model service's content filter blocked the request.", e);
            case 401:
            case 403:
                return new FinalExtractionException(ExtractionErrorCodes.AuthenticationFailed, "The service is not authorised to call the model.", e);
            default:
                return new FinalExtractionException(ExtractionErrorCodes.BadRequest, $"The model service rejected the request ({e.Status}).", e);
        }
    }

    public static bool IsConnectionFailure(Exception e) =>
        e is HttpRequestException or IOException or SocketException
        || (e.InnerException is { } inner && IsConnectionFailure(inner));

    private static bool IsContentFilter(ClientResultException e)
    {
        var body = e.GetRawResponse()?.Content?.ToString() ?? e.Message;
        return body.Contains("content_filter", StringComparison.OrdinalIgnoreCase)
            || body.Contains("ResponsibleAIPolicyViolation", StringComparison.OrdinalIgnoreCase);
    }

    private static TimeSpan? RetryAfter(ClientResultException e)
    {
        var headers = e.GetRawResponse()?.Headers;
        if (headers is null)
            return null;
        if (headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
            return TimeSpan.FromMilliseconds(millis);
        if (headers.TryGetValue("Retry-After", out var value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(seconds);
        return null;
    }
}

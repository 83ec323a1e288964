namespace KycOcr.Core.Extraction;

/// <summary>
/// A failure the model service may recover from (throttling, 5xx, time-out, dropped connection).
/// The orchestration retries only this type. Its message is shown to customers: no internals.
/// </summary>
public sealed class TransientExtractionException(string code, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string Code { get; } = code;
}

/// <summary>A failure another attempt would repeat (bad request, content filter, refusal, truncation, invalid reply).</summary>
public sealed class FinalExtractionException(string code, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string Code { get; } = code;
}

/// <summary>The photo cannot give the fields (no readable MRZ for the offline reader): the customer must retake it (422).</summary>
public sealed class DocumentRejectedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    /// <summary>The 422 body, with the MRZ as read where one was seen (the job adds the quality report).</summary>
    public ApiError ToApiError(Mrz.MrzReading mrz) => new(Message, Code) { Mrz = mrz.Found ? mrz : null };
}

/// <summary>Stable codes of extraction failures.</summary>
public static class ExtractionErrorCodes
{
    public const string Throttled = "model_throttled";
    public const string Unavailable = "model_unavailable";
    public const string Timeout = "model_timeout";
    public const string ConnectionFailed = "model_connection_failed";
    public const string BadRequest = "model_bad_request";
    public const string ContentFiltered = "content_filtered";
    public const string Refused = "model_refused";
    public const string Truncated = "truncated";
    public const string InvalidReply = "invalid_model_reply";
    public const string AuthenticationFailed = "model_authentication_failed";
    public const string MrzNotFound = "mrz_not_found";
    public const string MrzInvalid = "mrz_invalid";
}

/// <summary>
/// The wait a throttling model service asked for, carried as the inner failure of a
/// <see cref="TransientExtractionException"/>: a durable failure keeps only exception types and messages, so the
/// wait is written in the message (<c>retry-after-ms=1500</c>) and read back by <see cref="From"/>.
/// </summary>
public sealed class ModelRetryAfterException(TimeSpan wait, Exception? inner = null)
    : Exception(Prefix + ((long)Math.Ceiling(wait.TotalMilliseconds)).ToString(System.Globalization.CultureInfo.InvariantCulture), inner)
{
    private const string Prefix = "retry-after-ms=";

    public TimeSpan Wait { get; } = wait;

    /// <summary>The wait named anywhere in a failure's chain of inner failures, if any.</summary>
    public static TimeSpan? From(Microsoft.DurableTask.TaskFailureDetails? failure)
    {
        for (; failure is not null; failure = failure.InnerFailure)
        {
            if (failure.ErrorType == typeof(ModelRetryAfterException).FullName
                && failure.ErrorMessage.StartsWith(Prefix, StringComparison.Ordinal)
                && long.TryParse(failure.ErrorMessage.AsSpan(Prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms))
            {
                return TimeSpan.FromMilliseconds(ms);
            }
        }
        return null;
    }
}

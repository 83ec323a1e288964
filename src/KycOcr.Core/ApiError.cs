using System.Text.Json.Serialization;
using KycOcr.Core.Mrz;
using KycOcr.Core.Quality;

namespace KycOcr.Core;

/// <summary>
/// The one error shape of the API: a message a person can act on and a stable machine code.
/// Refusals of a photo (422) add what was learnt from it: the checks that failed, the quality report and the MRZ
/// as read; the 401 keeps the original service's <c>detail</c>.
/// </summary>
public sealed record ApiError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("code")] string Code)
{
    [JsonPropertyName("checks"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<QualitySummary.Check>? Checks { get; init; }

    [JsonPropertyName("detail"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Detail { get; init; }

    /// <summary>In a job of several pages: the page (from 1, in the order sent) this error is about.</summary>
    [JsonPropertyName("page"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Page { get; init; }

    /// <summary>A refused photo's quality report (as in a result), so a client can show the user what to change.</summary>
    [JsonPropertyName("quality"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public QualitySummary? Quality { get; init; }

    /// <summary>A refused photo's MRZ as read, where one was seen: the lines and which checks failed. Personal data, as a result is.</summary>
    [JsonPropertyName("mrz"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MrzReading? Mrz { get; init; }

    /// <summary>A job of several pages refused as a whole: what each page gave.</summary>
    [JsonPropertyName("pages"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Jobs.PageReport>? Pages { get; init; }
}

/// <summary>Stable machine codes of <see cref="ApiError"/>; clients may switch on them.</summary>
public static class ErrorCodes
{
    public const string Unauthorized = "unauthorized";
    public const string RateLimited = "rate_limited";
    public const string InvalidIdempotencyKey = "invalid_idempotency_key";
    public const string MissingTaskId = "missing_task_id";
    public const string InvalidTaskId = "invalid_task_id";
    public const string TaskNotFound = "task_not_found";
    public const string PortraitNotFound = "portrait_not_found";
    public const string InvalidPage = "invalid_page";
    public const string EmptyUpload = "empty_upload";
    public const string MissingImageField = "missing_image_field";
    public const string TooManyPages = "too_many_pages";
    public const string InvalidManifest = "invalid_manifest";
    public const string MalformedMultipart = "malformed_multipart";
    public const string UploadTooLarge = "upload_too_large";
    public const string ImageTooLarge = "image_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string NotAnImage = "not_an_image";
    public const string StorageUnavailable = "storage_unavailable";
    public const string ImageUndecodable = "image_undecodable";
    public const string ImageTruncated = "image_truncated";
    public const string QualityRejected = "quality_rejected";
    public const string ExtractionFailed = "extraction_failed";
    public const string DeadlineExceeded = "deadline_exceeded";
    public const string JobCancelled = "job_cancelled";
    public const string InternalError = "internal_error";
}

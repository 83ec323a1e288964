using System.Text.Json;

namespace KycOcr.Core.Jobs;

/// <summary>The retry and time rules a job carries, fixed when it is submitted.</summary>
public sealed record JobPolicy(int MaxAttempts, long RetryIntervalMs, long DeadlineMs);

/// <summary>The orchestration's input: names and ids only, never image bytes, so payloads stay small.</summary>
/// <param name="OwnerId">Digest of the submitting API key (see <see cref="Auth.ApiKeyAuthenticator"/>).</param>
/// <param name="InboxBlobName">For a document dropped into the inbox: its name there (its result goes to the results container).</param>
public sealed record JobRequest(string TaskId, string UploadBlobName, string OwnerId, JobPolicy Policy, string? InboxBlobName = null)
{
    /// <summary>Owner of jobs started by documents dropped into the inbox container; every API key may read them.</summary>
    public const string InboxOwner = "inbox";
}

public enum JobStatus
{
    Succeeded,
    Rejected,
    Failed,
}

/// <summary>The orchestration's output: the result body, or an error that is safe to show.</summary>
public sealed record JobOutcome(JobStatus Status, JsonElement? Result, ApiError? Error)
{
    public static JobOutcome Succeeded(JsonElement result) => new(JobStatus.Succeeded, result, null);

    /// <summary>A job that ended on <paramref name="error"/>: rejected or failed as <see cref="JobOutcomeStatus"/> says.</summary>
    public static JobOutcome Ended(ApiError error) =>
        new(JobOutcomeStatus.Of(error.Code) == JobOutcomeStatus.Rejected ? JobStatus.Rejected : JobStatus.Failed, null, error);
}

/// <summary>The stage a running job reports through the orchestration's custom status.</summary>
public static class JobStage
{
    public const string Queued = "queued";
    public const string Preprocessing = "preprocessing";
    public const string Extracting = "extracting";
}

/// <summary>What an inbox job publishes when it ends.</summary>
public sealed record InboxResultInput(string TaskId, string InboxBlobName, JobOutcome Outcome);

public sealed record PreprocessInput(string TaskId, string UploadBlobName);

/// <summary>Either the stored, model-ready image, the quality report and the MRZ reading, or the reason it was rejected.</summary>
public sealed record PreprocessOutcome(string? ImageBlobName, JsonElement? Quality, ApiError? Rejection, long ElapsedMs, JsonElement? Mrz = null);

/// <param name="Mrz">The MRZ as the preprocessing read it from the upload (found or not).</param>
public sealed record ExtractInput(string TaskId, string ImageBlobName, JsonElement? Quality, long PreprocessingMs, JsonElement? Mrz = null);

/// <summary>The result body, or a final (not retryable) failure. Retryable failures are thrown instead.</summary>
public sealed record ExtractOutcome(JsonElement? Result, ApiError? Error);

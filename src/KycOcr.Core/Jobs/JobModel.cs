using System.Text.Json.Serialization;
using KycOcr.Core.Barcodes;
using KycOcr.Core.Extraction;
using KycOcr.Core.Mrz;
using KycOcr.Core.Portraits;
using KycOcr.Core.Quality;

namespace KycOcr.Core.Jobs;

// What crosses the orchestration, in the service's own JSON (snake_case; see JobDataConverter). A success or a
// failure is a type of its own, told apart by an "outcome" key; shapes stored before these records are read by
// LegacyJobJson.

/// <summary>The retry and time rules a job carries, fixed when it is submitted.</summary>
public sealed record JobPolicy(int MaxAttempts, long RetryIntervalMs, long DeadlineMs);

/// <summary>The orchestration's input: names and ids only, never image bytes, so payloads stay small.</summary>
/// <param name="OwnerId">Digest of the submitting API key (see <see cref="Auth.ApiKeyAuthenticator"/>).</param>
/// <param name="UploadBlobName">The first page's upload.</param>
/// <param name="InboxBlobName">For a document dropped into the inbox: its name there (its result goes to the results container).</param>
/// <param name="Pages">Every page, when there are several or the client named the side; null for one unnamed page.</param>
public sealed record JobRequest(
    string TaskId, string UploadBlobName, string OwnerId, JobPolicy Policy, string? InboxBlobName = null, IReadOnlyList<JobPage>? Pages = null)
{
    /// <summary>Owner of jobs started by documents dropped into the inbox container; every API key may read them.</summary>
    public const string InboxOwner = "inbox";

    public IReadOnlyList<JobPage> AllPages() => Pages is { Count: > 0 } ? Pages : [new JobPage(UploadBlobName)];
}

/// <summary>One page of a job: its stored upload, and the side the client sent it as (<c>front</c>, <c>back</c>), if it said.</summary>
public sealed record JobPage(string UploadBlobName, string? NamedSide = null);

/// <summary>A running job's progress, as its custom status: the stage, and how many of its pages are preprocessed.</summary>
public sealed record JobProgress(string Stage, int Pages, int PagesDone);

/// <summary>The orchestration's output: the 200 body, or the error the job ended on.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "outcome")]
[JsonDerivedType(typeof(Succeeded), "succeeded")]
[JsonDerivedType(typeof(Ended), "ended")]
public abstract record JobOutcome
{
    public sealed record Succeeded(DocumentResult Result) : JobOutcome;

    /// <summary>Rejected (422) or failed (5xx), as <see cref="JobOutcomeStatus"/> says for its code.</summary>
    public sealed record Ended(ApiError Error) : JobOutcome;
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

/// <param name="Page">The page's index (from 0): it names the prepared image.</param>
/// <param name="StorePortrait">Keep the portrait's crop for <c>GET /portrait</c>: API jobs only, as inbox jobs report the box alone.</param>
public sealed record PreprocessInput(string TaskId, string UploadBlobName, int Page = 0, bool StorePortrait = false);

/// <summary>The stored, model-ready image with what was learnt from the upload, or why the upload was refused.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "outcome")]
[JsonDerivedType(typeof(Prepared), "prepared")]
[JsonDerivedType(typeof(Refused), "refused")]
public abstract record PreprocessOutcome(long ElapsedMs)
{
    /// <param name="Mrz">The MRZ read from the upload's best pixels (found or not).</param>
    /// <param name="Portrait">Where the holder's face is on the prepared image (its crop is a blob, never history).</param>
    /// <param name="Barcode">The page's PDF417 barcode, read as AAMVA (null when none).</param>
    public sealed record Prepared(
        string ImageBlobName, QualitySummary Quality, MrzReading Mrz, long ElapsedMs, PortraitBox? Portrait = null, BarcodeReading? Barcode = null)
        : PreprocessOutcome(ElapsedMs);

    public sealed record Refused(ApiError Error, long ElapsedMs) : PreprocessOutcome(ElapsedMs);
}

/// <param name="ImageBlobName">The page the fields are read from first: the one whose MRZ reads, when one does.</param>
/// <param name="Mrz">The MRZ as the preprocessing read it from that page's upload (found or not).</param>
/// <param name="OtherImageBlobNames">The job's other accepted pages, which a vision model sees too.</param>
/// <param name="Barcode">That page's barcode, read as AAMVA, when it has one.</param>
public sealed record ExtractInput(
    string TaskId, string ImageBlobName, MrzReading Mrz, IReadOnlyList<string>? OtherImageBlobNames = null, BarcodeReading? Barcode = null);

/// <summary>What the extractor read, or a final (not retryable) failure. Retryable failures are thrown instead.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "outcome")]
[JsonDerivedType(typeof(Extracted), "extracted")]
[JsonDerivedType(typeof(Refused), "refused")]
[JsonDerivedType(typeof(Failed), "failed")]
public abstract record ExtractOutcome
{
    public sealed record Extracted(ExtractedDocument Document, long ElapsedMs) : ExtractOutcome;

    /// <summary>The photo cannot give the fields (422); the job adds the quality report to the error.</summary>
    public sealed record Refused(ApiError Error) : ExtractOutcome;

    /// <summary>Another attempt would fail alike (a bad request, a refusal by the model, the upload gone).</summary>
    public sealed record Failed(ApiError Error) : ExtractOutcome;
}

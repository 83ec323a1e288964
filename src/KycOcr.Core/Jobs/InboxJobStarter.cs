using System.Text.Json;
using KycOcr.Core.Configuration;
using KycOcr.Core.Imaging;
using KycOcr.Core.Storage;
using KycOcr.Core.Telemetry;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KycOcr.Core.Jobs;

/// <summary>
/// Starts the job for a document dropped into the inbox container. The task id is derived from the
/// container, the blob's name and its ETag (<see cref="TaskIdFor"/>), so a redelivered event finds the
/// job it already started instead of starting a second; new content under the same name is a new job.
/// A document of several pages is a folder <c>name.pages/</c> of photos, whose blobs start nothing, completed by
/// the manifest <c>name.pages.json</c>, <c>{"pages": [{"blob": "front.jpg", "side": "front"}, ...]}</c>, which starts
/// one job of those pages in that order (see <see cref="InboxStore.ManifestSuffix"/>).
/// </summary>
public sealed class InboxJobStarter(
    InboxStore inbox,
    JobSubmitter submitter,
    IOptions<ApiOptions> api,
    ILogger<InboxJobStarter> logger)
{
    public static string TaskIdFor(string container, string blobName, string etag) =>
        TaskIds.Derived("inbox", container, blobName, etag.Trim('"'));

    /// <summary>The job's task id; null when the blob is gone (its job already ended) or was refused.</summary>
    public async Task<string?> StartAsync(string blobName, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        // A page waits for its manifest, which starts the job of all its pages.
        if (InboxStore.IsManifestPage(blobName))
            return null;
        if (await inbox.InboxPropertiesAsync(blobName, cancellationToken) is not { } blob)
            return null;
        var taskId = TaskIdFor(inbox.InboxContainerName, blobName, blob.ETag);
        if (await durable.GetInstanceAsync(taskId, cancellationToken) is not null)
        {
            logger.LogInformation("Inbox event for job {TaskId} delivered again; the job already exists", taskId);
            return taskId;
        }

        if (blob.Size > api.Value.MaxUploadBytes)
        {
            await RefuseAsync(taskId, blobName, new ApiError(
                $"The document is larger than the {api.Value.MaxUploadBytes} bytes accepted: drop a smaller photo.", ErrorCodes.UploadTooLarge), cancellationToken);
            return null;
        }
        if (await inbox.ReadInboxAsync(blobName, blob.ETag, cancellationToken) is not { } content)
            return null; // replaced or deleted since the event: its own event follows

        IReadOnlyList<SubmittedPage> pages;
        if (InboxStore.IsManifest(blobName))
        {
            var (listed, refusal) = await PagesOfAsync(blobName, content, cancellationToken);
            if (refusal is not null)
            {
                await RefuseAsync(taskId, blobName, refusal, cancellationToken);
                return null;
            }
            pages = listed!;
        }
        else
        {
            pages = [Page(content, side: null)];
        }

        // A concurrent delivery of the same event may start it first: the task id is the job's either way.
        await submitter.StartAsync(new JobSubmission(taskId, pages, JobRequest.InboxOwner, KycOcrTelemetry.InboxSource, InboxBlobName: blobName),
            durable, cancellationToken);
        return taskId;
    }

    // The upload is copied under the job's prefix, so the pipeline and the cleanup are those of HTTP uploads. What
    // cannot be read is still copied: preprocessing then rejects it with a reason, published as the result.
    private SubmittedPage Page(BinaryData content, string? side)
    {
        string extension;
        try
        {
            extension = ImageDecoder.Inspect(content.ToMemory().Span, api.Value.MaxImagePixels).Format.Extension();
        }
        catch (ImageRejectedException)
        {
            extension = ".bin";
        }
        return new SubmittedPage(content, extension, "application/octet-stream", side);
    }

    /// <summary>The pages a manifest lists, read from its folder, held to the limits of an HTTP submission; or why not.</summary>
    private async Task<(IReadOnlyList<SubmittedPage>? Pages, ApiError? Refusal)> PagesOfAsync(string manifestName, BinaryData manifest, CancellationToken cancellationToken)
    {
        var folder = InboxStore.PagesFolder(manifestName);
        static ApiError Invalid(string message) => new(message + " Drop the pages into the folder first, then a manifest " +
            "{\"pages\": [{\"blob\": \"front.jpg\", \"side\": \"front\"}, ...]} naming them.", ErrorCodes.InvalidManifest);

        InboxManifest? listed;
        try
        {
            listed = manifest.ToObjectFromJson<InboxManifest>(KycJson.Options);
        }
        catch (JsonException)
        {
            return (null, Invalid("The manifest is not JSON."));
        }
        if (listed?.Pages is not { Count: > 0 } entries)
            return (null, Invalid("The manifest lists no pages."));
        if (entries.Count > api.Value.MaxPages)
            return (null, new ApiError($"The manifest lists {entries.Count} pages; a job takes at most {api.Value.MaxPages}.", ErrorCodes.TooManyPages));

        var pages = new List<SubmittedPage>();
        long total = 0;
        foreach (var (entry, number) in entries.Select((e, i) => (e, i + 1)))
        {
            if (entry.Blob is not { Length: > 0 } name || name.Contains("..", StringComparison.Ordinal) || name.StartsWith('/'))
                return (null, Invalid($"Page {number} has no blob name within {folder}."));
            if (entry.Side is not (null or PageSide.Front or PageSide.Back))
                return (null, Invalid($"Page {number}: side must be front or back."));
            if (await inbox.InboxPropertiesAsync(folder + name, cancellationToken) is not { } page)
                return (null, Invalid($"Page {number} ({name}) is not in {folder}."));
            total += page.Size;
            if (total > api.Value.MaxUploadBytes)
                return (null, new ApiError($"The pages are larger than the {api.Value.MaxUploadBytes} bytes accepted in all: drop smaller photos.", ErrorCodes.UploadTooLarge));
            if (await inbox.ReadInboxAsync(folder + name, page.ETag, cancellationToken) is not { } content)
                return (null, Invalid($"Page {number} ({name}) changed while it was read."));
            pages.Add(Page(content, entry.Side));
        }
        return (pages, null);
    }

    /// <summary>A manifest blob: the pages in their order, each a blob in the folder and optionally the side it shows.</summary>
    private sealed record InboxManifest(IReadOnlyList<InboxManifestPage>? Pages);

    private sealed record InboxManifestPage(string? Blob, string? Side);

    private async Task RefuseAsync(string taskId, string blobName, ApiError error, CancellationToken cancellationToken)
    {
        await inbox.PublishAsync(blobName, new InboxResult(taskId, "rejected", null, error), cancellationToken);
        logger.LogWarning("Inbox document for job {TaskId} refused: {Code}", taskId, error.Code);
    }
}

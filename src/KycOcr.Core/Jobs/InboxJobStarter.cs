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

        // The upload is copied under the job's prefix, so the pipeline and the cleanup are those of HTTP uploads.
        // What cannot be read is still copied: preprocessing then rejects it with a reason, published as the result.
        string extension;
        try
        {
            extension = ImageDecoder.Inspect(content.ToMemory().Span, api.Value.MaxImagePixels).Format.Extension();
        }
        catch (ImageRejectedException)
        {
            extension = ".bin";
        }
        // A concurrent delivery of the same event may start it first: the task id is the job's either way.
        await submitter.StartAsync(new JobSubmission(taskId, [new SubmittedPage(content, extension, "application/octet-stream")], JobRequest.InboxOwner,
            KycOcrTelemetry.InboxSource, InboxBlobName: blobName), durable, cancellationToken);
        return taskId;
    }

    private async Task RefuseAsync(string taskId, string blobName, ApiError error, CancellationToken cancellationToken)
    {
        await inbox.PublishAsync(blobName, new InboxResult(taskId, "rejected", null, error), cancellationToken);
        logger.LogWarning("Inbox document for job {TaskId} refused: {Code}", taskId, error.Code);
    }
}

using KycOcr.Core.Configuration;
using KycOcr.Core.Storage;
using KycOcr.Core.Telemetry;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KycOcr.Core.Jobs;

/// <summary>One accepted page of an upload.</summary>
/// <param name="Extension">The blob's extension, from the image's format (never from a client's file name).</param>
/// <param name="NamedSide">The side the client sent it as (<c>front</c>, <c>back</c>), if it said.</param>
public sealed record SubmittedPage(BinaryData Content, string Extension, string ContentType, string? NamedSide = null);

/// <summary>What starts a job: the accepted pages and whose they are.</summary>
/// <param name="Source">Where it came from, for telemetry: <c>http</c> or <c>inbox</c>.</param>
/// <param name="InboxBlobName">For a document dropped into the inbox: its name there.</param>
/// <param name="Policy">The retry and time rules the job carries; null for the configured ones.</param>
public sealed record JobSubmission(
    string TaskId, IReadOnlyList<SubmittedPage> Pages, string OwnerId, string Source, string? InboxBlobName = null, JobPolicy? Policy = null);

/// <summary>
/// The one way a job starts, for the HTTP starter, the inbox and the tests' hosts: the upload is stored under the
/// job's prefix (so every job is cleaned up alike) and the orchestration is started with that blob's name only.
/// </summary>
public sealed class JobSubmitter(BlobJobStore store, IOptions<JobOptions> jobs, ILogger<JobSubmitter> logger)
{
    /// <summary>
    /// True when this call started the job; false when a concurrent start of the same task id (a redelivered inbox
    /// event) did. Throws <see cref="StorageUnavailableException"/> when the upload cannot be stored or the job
    /// cannot be started; no upload is then left behind.
    /// </summary>
    public async Task<bool> StartAsync(JobSubmission job, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        var pages = new List<JobPage>();
        try
        {
            for (var i = 0; i < job.Pages.Count; i++)
            {
                var page = job.Pages[i];
                var uploadBlob = BlobJobStore.UploadBlobName(job.TaskId, page.Extension, i);
                await store.SaveAsync(uploadBlob, page.Content, page.ContentType, cancellationToken);
                pages.Add(new JobPage(uploadBlob, page.NamedSide));
            }
        }
        catch (StorageUnavailableException)
        {
            await DeleteQuietlyAsync(job.TaskId);
            throw;
        }
        try
        {
            // One unnamed page is a job as it always was: no page list.
            var listed = pages is [{ NamedSide: null }] ? null : pages;
            await durable.ScheduleNewOrchestrationInstanceAsync(ReadDocumentOrchestration.Name,
                new JobRequest(job.TaskId, pages[0].UploadBlobName, job.OwnerId, job.Policy ?? jobs.Value.ToPolicy(), job.InboxBlobName, listed),
                new StartOrchestrationOptions(job.TaskId), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The job that won a concurrent start owns the upload (same name): it must stay.
            if (await ExistsAsync(job.TaskId, durable, cancellationToken))
            {
                logger.LogInformation("Job {TaskId} was started by a concurrent request", job.TaskId);
                return false;
            }
            logger.LogError(e, "Starting job {TaskId} failed", job.TaskId);
            await DeleteQuietlyAsync(job.TaskId);
            throw new StorageUnavailableException("The job could not be started.", e);
        }

        logger.LogInformation("Started job {TaskId} ({Source}): {Pages} page(s), {Bytes} bytes",
            job.TaskId, job.Source, job.Pages.Count, job.Pages.Sum(p => p.Content.ToMemory().Length));
        KycOcrTelemetry.Submitted(job.Source);
        return true;
    }

    private async Task<bool> ExistsAsync(string taskId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        try
        {
            return await durable.GetInstanceAsync(taskId, cancellationToken) is not null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not tell whether job {TaskId} exists: {ErrorType}", taskId, e.GetType().Name);
            return false;
        }
    }

    private async Task DeleteQuietlyAsync(string taskId)
    {
        try
        {
            await store.DeleteJobBlobsAsync(taskId);
        }
        catch (StorageUnavailableException e)
        {
            logger.LogError(e.InnerException, "Could not delete the upload of job {TaskId}; the retention purge will", taskId);
        }
    }
}

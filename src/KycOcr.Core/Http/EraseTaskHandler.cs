using KycOcr.Core.Auth;
using KycOcr.Core.Jobs;
using KycOcr.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace KycOcr.Core.Http;

/// <summary>
/// <c>DELETE /id?task_id=</c>: erases a job at once, for the key that submitted it: a running job is
/// terminated, then its blobs, result and history are deleted. 204, after which the id is unknown (404).
/// </summary>
public sealed class EraseTaskHandler(CallerGate gate, BlobJobStore store, InboxStore inbox, ILogger<EraseTaskHandler> logger)
{
    // A terminated job stops at its next step; an activity already running finishes on its own.
    private static readonly TimeSpan TerminationWait = TimeSpan.FromSeconds(10);

    public async Task<IResult> HandleAsync(HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (job, refusal) = await OwnedTask.FindAsync(request, gate, RequestCost.Submission, durable, cancellationToken);
        if (refusal is not null)
            return refusal;

        var taskId = job!.InstanceId;
        try
        {
            if (!job.IsCompleted)
                await TerminateAsync(durable, taskId, cancellationToken);
            await store.DeleteJobBlobsAsync(taskId, cancellationToken);
            if (job.ReadInputAs<JobRequest>()?.InboxBlobName is { } dropped)
            {
                await inbox.DeleteResultAsync(InboxStore.ResultBlobName(dropped), cancellationToken);
                await inbox.DeleteInboxAsync(dropped, cancellationToken);
            }
            await durable.PurgeInstanceAsync(taskId, cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            logger.LogError(e.InnerException, "Erasing job {TaskId} failed: storage unavailable", taskId);
            return ApiResults.StorageUnavailable("The job could not be erased right now. Try again in a minute.");
        }

        logger.LogInformation("Erased job {TaskId} on request", taskId);
        return ApiResults.NoContent();
    }

    private static async Task TerminateAsync(DurableTaskClient durable, string taskId, CancellationToken cancellationToken)
    {
        await durable.TerminateInstanceAsync(taskId, new TerminateInstanceOptions { Output = "erased" }, cancellationToken);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(TerminationWait);
        try
        {
            await durable.WaitForInstanceCompletionAsync(taskId, wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Purging below removes the history either way; the retention purge sweeps any late blob.
        }
    }
}

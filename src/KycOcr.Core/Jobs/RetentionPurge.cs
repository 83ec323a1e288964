using KycOcr.Core.Configuration;
using KycOcr.Core.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KycOcr.Core.Jobs;

/// <summary>
/// Forgets finished jobs once <c>RESULT_TTL</c> has passed since they ended: their history, input and
/// result. Also deletes any upload blob older than the longest a job can live plus the TTL — a safety net
/// behind the cleanup activity, so no personal data outlives retention even after a crash — and inbox
/// result blobs older than the TTL, and inbox pages whose manifest never came.
/// </summary>
public sealed class RetentionPurge(BlobJobStore store, InboxStore inbox, IOptions<JobOptions> jobs, TimeProvider clock, ILogger<RetentionPurge> logger)
{
    private static readonly OrchestrationRuntimeStatus[] Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    public async Task<PurgeSummary> RunAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expiredBefore = now - jobs.Value.ResultTtl;
        var purged = 0;
        var query = new OrchestrationQuery(CreatedTo: expiredBefore, Statuses: Finished, PageSize: 100);
        await foreach (var job in durable.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            // Retention counts from the end of the job, as the original's result_expires did.
            if (job.LastUpdatedAt > expiredBefore)
                continue;
            await store.DeleteJobBlobsAsync(job.InstanceId, cancellationToken);
            var result = await durable.PurgeInstanceAsync(job.InstanceId, cancellationToken);
            purged += result.PurgedInstanceCount;
        }

        var strayBlobs = await store.DeleteBlobsOlderThanAsync(expiredBefore - jobs.Value.JobDeadline, cancellationToken);
        // Pages dropped for a manifest that never came hold personal data too.
        strayBlobs += await inbox.DeletePagesOlderThanAsync(expiredBefore, cancellationToken);
        // Result blobs are written when their job ends, so their age is the time since the end.
        var results = await inbox.DeleteResultsOlderThanAsync(expiredBefore, cancellationToken);
        if (purged > 0 || strayBlobs > 0 || results > 0)
            logger.LogInformation("Retention purge: {Jobs} jobs, {Results} inbox results and {Blobs} stray blobs deleted", purged, results, strayBlobs);
        return new PurgeSummary(purged, strayBlobs, results);
    }
}

public sealed record PurgeSummary(int Jobs, int StrayBlobs, int InboxResults);

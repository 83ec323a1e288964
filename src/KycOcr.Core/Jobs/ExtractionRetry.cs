using KycOcr.Core.Extraction;
using Microsoft.DurableTask;

namespace KycOcr.Core.Jobs;

/// <summary>
/// Whether and when the orchestration calls the model again after a failed attempt: only failures the model service
/// may recover from, up to the job's attempts, on a durable timer (no activity sleeps).
/// </summary>
public static class ExtractionRetry
{
    /// <summary>How much longer than the retry interval a throttling service's <c>Retry-After</c> is waited out.</summary>
    public static readonly TimeSpan MaxRetryAfterBeyondInterval = TimeSpan.FromSeconds(60);

    /// <summary>The retry rules of <paramref name="policy"/>, for <c>CallActivityAsync</c>.</summary>
    public static TaskOptions Options(JobPolicy policy) => TaskOptions.FromRetryHandler(async retry =>
    {
        if (retry.LastAttemptNumber >= policy.MaxAttempts || !retry.LastFailure.IsCausedBy<TransientExtractionException>())
            return false;
        await retry.OrchestrationContext.CreateTimer(WaitAfter(retry.LastFailure, policy), CancellationToken.None);
        return true;
    });

    /// <summary>The retry interval, or the longer wait a throttling service asked for (bounded).</summary>
    public static TimeSpan WaitAfter(TaskFailureDetails failure, JobPolicy policy)
    {
        var interval = TimeSpan.FromMilliseconds(policy.RetryIntervalMs);
        var asked = ModelRetryAfterException.From(failure) ?? TimeSpan.Zero;
        return asked <= interval ? interval : asked <= interval + MaxRetryAfterBeyondInterval ? asked : interval + MaxRetryAfterBeyondInterval;
    }
}

using KycOcr.Core.Jobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace KycOcr.Functions;

/// <summary>Every minute: forget jobs whose <c>RESULT_TTL</c> has passed (history, result, any stray blob).</summary>
public sealed class RetentionPurgeFunction(RetentionPurge purge)
{
    [Function("retention_purge")]
    public Task Run([TimerTrigger("0 * * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        purge.RunAsync(durable, cancellationToken);
}

using KycOcr.Core.Jobs;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KycOcr.LocalHost;

/// <summary>Runs the retention purge every minute, as the function app's timer does.</summary>
internal sealed class RetentionPurgeService(RetentionPurge purge, DurableTaskClient durable, ILogger<RetentionPurgeService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await purge.RunAsync(durable, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage may be down for a while; the next tick tries again.
                logger.LogWarning(e, "Retention purge failed; retrying in {Interval}", Interval);
            }
        }
    }
}

using KycOcr.Core.Jobs;
using KycOcr.Core.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KycOcr.LocalHost;

/// <summary>
/// Locally there is no Event Grid: the inbox container is listed every few seconds instead, and each
/// blob goes to the same starter as the function app's Event Grid trigger (which ignores blobs it has seen).
/// </summary>
internal sealed class InboxPollingService(InboxStore inbox, InboxJobStarter starter, DurableTaskClient durable, ILogger<InboxPollingService> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var name in await inbox.ListInboxAsync(stoppingToken))
                    await starter.StartAsync(name, durable, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Polling the inbox failed; retrying in {Interval}", Interval);
            }
        }
    }
}

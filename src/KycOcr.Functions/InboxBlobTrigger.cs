using Azure.Storage.Blobs;
using KycOcr.Core.Jobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace KycOcr.Functions;

/// <summary>
/// A document dropped into the inbox container (through Event Grid, not polling) starts the same job
/// as <c>POST /read_text</c>; a redelivered event finds the job it already started.
/// </summary>
public sealed class InboxBlobTrigger(InboxJobStarter starter)
{
    [Function(nameof(InboxBlobTrigger))]
    public Task Run(
        [BlobTrigger("%INBOX_CONTAINER%/{name}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] BlobClient blob,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        starter.StartAsync(blob.Name, durable, cancellationToken);
}

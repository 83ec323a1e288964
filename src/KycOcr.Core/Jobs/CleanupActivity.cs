using KycOcr.Core.Storage;
using KycOcr.Core.Telemetry;
using Microsoft.DurableTask;

namespace KycOcr.Core.Jobs;

/// <summary>Deletes the uploads and every intermediate blob of a job, whatever its outcome (portraits stay with the result).</summary>
public sealed class CleanupActivity(BlobJobStore store) : TaskActivity<string, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, string taskId) =>
        KycOcrTelemetry.TraceAsync("cleanup", taskId, () => store.DeleteJobWorkBlobsAsync(taskId), _ => "ok");
}

using KycOcr.Core.Storage;
using KycOcr.Core.Telemetry;
using Microsoft.DurableTask;

namespace KycOcr.Core.Jobs;

/// <summary>
/// Ends an inbox job: writes its outcome to the results container (name derived from the dropped
/// blob's), then deletes the dropped blob. Idempotent, so a retry after a crash does no harm.
/// </summary>
public sealed class PublishInboxResultActivity(InboxStore inbox) : TaskActivity<InboxResultInput, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, InboxResultInput input) =>
        KycOcrTelemetry.TraceAsync("publish", input.TaskId, () => PublishAsync(input), _ => "ok");

    private Task<string> PublishAsync(InboxResultInput input)
    {
        var status = input.Outcome.Status switch
        {
            JobStatus.Succeeded => "succeeded",
            JobStatus.Rejected => "rejected",
            _ => "failed",
        };
        return inbox.PublishAsync(input.InboxBlobName, new InboxResult(input.TaskId, status, input.Outcome.Result, input.Outcome.Error));
    }
}

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

    private Task<string> PublishAsync(InboxResultInput input) => inbox.PublishAsync(input.InboxBlobName, ResultOf(input.TaskId, input.Outcome));

    /// <summary>The result blob's body: how the job ended (succeeded, rejected or failed, by the status table) and its body.</summary>
    public static InboxResult ResultOf(string taskId, JobOutcome outcome) => outcome switch
    {
        JobOutcome.Succeeded succeeded => new InboxResult(taskId, "succeeded", succeeded.Result, null),
        JobOutcome.Ended ended => new InboxResult(taskId,
            JobOutcomeStatus.Of(ended.Error.Code) == JobOutcomeStatus.Rejected ? "rejected" : "failed", null, ended.Error),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.GetType().Name, "Not a job outcome."),
    };
}

using KycOcr.Core.Auth;
using KycOcr.Core.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace KycOcr.Core.Http;

/// <summary>
/// <c>GET /id?task_id=</c>: the durable status in the original contract's terms. A task is visible only
/// to the key that submitted it; to any other key it does not exist.
/// </summary>
public sealed class TaskStatusHandler(CallerGate gate)
{
    public async Task<IResult> HandleAsync(HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (instance, refusal) = await OwnedTask.FindAsync(request, gate, RequestCost.Read, durable, cancellationToken);
        if (refusal is not null)
            return refusal;

        switch (instance!.RuntimeStatus)
        {
            case OrchestrationRuntimeStatus.Pending:
            case OrchestrationRuntimeStatus.Running:
            case OrchestrationRuntimeStatus.Suspended:
                return ApiResults.Json(StatusCodes.Status202Accepted, Progress(instance.SerializedCustomStatus),
                    new Dictionary<string, string> { ["Retry-After"] = PollingAdvice.RetryAfter });
            case OrchestrationRuntimeStatus.Completed:
                return Respond(instance.ReadOutputAs<JobOutcome>());
            case OrchestrationRuntimeStatus.Terminated:
                return ApiResults.Error(JobOutcomeStatus.Of(ErrorCodes.JobCancelled), ErrorCodes.JobCancelled, "The job was cancelled before it finished.");
            default:
                return ApiResults.Error(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError,
                    "The document could not be processed because of an internal error.");
        }
    }

    /// <summary>
    /// The 202 body: the stage, and for a job of several pages how many are preprocessed. Jobs started before pages
    /// report their stage as a bare string.
    /// </summary>
    private static object Progress(string? customStatus)
    {
        if (customStatus is null)
            return new { status = "Processing", stage = JobStage.Queued };
        if (customStatus.StartsWith('"'))
            return new { status = "Processing", stage = (string?)JobDataConverter.Instance.Deserialize(customStatus, typeof(string)) ?? JobStage.Queued };
        var progress = (JobProgress)JobDataConverter.Instance.Deserialize(customStatus, typeof(JobProgress))!;
        return progress.Pages > 1
            ? new { status = "Processing", stage = progress.Stage, pages = progress.Pages, pages_done = progress.PagesDone }
            : new { status = "Processing", stage = progress.Stage };
    }

    /// <summary>A finished job's answer: its 200 body, or its error with the status the table gives the code.</summary>
    internal static IResult Respond(JobOutcome? outcome) => outcome switch
    {
        JobOutcome.Succeeded succeeded => ApiResults.Json(StatusCodes.Status200OK, succeeded.Result),
        // By the code, not a stored status: outcomes stored before the table (a cancelled job's 422) answer as now.
        JobOutcome.Ended ended => ApiResults.Error(JobOutcomeStatus.Of(ended.Error.Code), ended.Error),
        _ => ApiResults.Error(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError,
            "The document could not be processed because of an internal error."),
    };
}

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
                return ApiResults.Json(StatusCodes.Status202Accepted,
                    new { status = "Processing", stage = instance.ReadCustomStatusAs<string>() ?? JobStage.Queued },
                    new Dictionary<string, string> { ["Retry-After"] = ReadTextHandler.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            case OrchestrationRuntimeStatus.Completed:
                return FromOutcome(instance.ReadOutputAs<JobOutcome>());
            case OrchestrationRuntimeStatus.Terminated:
                return ApiResults.Error(JobOutcomeStatus.Of(ErrorCodes.JobCancelled), ErrorCodes.JobCancelled, "The job was cancelled before it finished.");
            default:
                return ApiResults.Error(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError,
                    "The document could not be processed because of an internal error.");
        }
    }

    private static IResult FromOutcome(JobOutcome? outcome) => outcome switch
    {
        { Status: JobStatus.Succeeded, Result: { } result } => ApiResults.Json(StatusCodes.Status200OK, result),
        // By the code, not the stored status: outcomes stored before the table (a cancelled job's 422) answer as now.
        { Error: { } error } => ApiResults.Error(JobOutcomeStatus.Of(error.Code), error),
        _ => ApiResults.Error(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError,
            "The document could not be processed because of an internal error."),
    };
}

using KycOcr.Core.Auth;
using KycOcr.Core.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace KycOcr.Core.Http;

/// <summary>
/// <c>GET /id?task_id=</c>: the durable status in the original contract's terms. A task is visible only
/// to the key that submitted it; to any other key it does not exist.
/// </summary>
public sealed class TaskStatusHandler(ApiKeyAuthenticator auth)
{
    public const string QueryParameter = "task_id";

    public async Task<IResult> HandleAsync(HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var owner = auth.Authenticate(request.Headers[ApiKeyAuthenticator.HeaderName]);
        if (owner is null)
            return ApiResults.Unauthorized();

        var taskId = request.Query[QueryParameter].ToString();
        if (string.IsNullOrWhiteSpace(taskId))
            return ApiResults.Error(StatusCodes.Status400BadRequest, ErrorCodes.MissingTaskId, "Give the task id in the query: /id?task_id=<id>.");
        if (!TaskIds.IsWellFormed(taskId))
            return ApiResults.Error(StatusCodes.Status400BadRequest, ErrorCodes.InvalidTaskId, "The task id is malformed: use the id returned by POST /read_text.");

        var instance = await durable.GetInstanceAsync(taskId, getInputsAndOutputs: true, cancellationToken);
        if (instance is null || instance.ReadInputAs<JobRequest>()?.OwnerId != owner)
            return NotFound();

        switch (instance.RuntimeStatus)
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
                return ApiResults.Error(StatusCodes.Status500InternalServerError, ErrorCodes.JobCancelled, "The job was cancelled before it finished.");
            default:
                return ApiResults.Error(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError,
                    "The document could not be processed because of an internal error.");
        }
    }

    private static IResult FromOutcome(JobOutcome? outcome) => outcome switch
    {
        { Status: JobStatus.Succeeded, Result: { } result } => ApiResults.Json(StatusCodes.Status200OK, result),
        { Status: JobStatus.Rejected, Error: { } error } => ApiResults.Error(StatusCodes.Status422UnprocessableEntity, error),
        { Error: { } error } => ApiResults.Error(StatusCodes.Status500InternalServerError, error),
        _ => ApiResults.Error(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError,
            "The document could not be processed because of an internal error."),
    };

    // The original's 404 body, with the stable code added.
    private static IResult NotFound() => ApiResults.Error(StatusCodes.Status404NotFound, ErrorCodes.TaskNotFound, "Task ID not found");
}

using KycOcr.Core.Auth;
using KycOcr.Core.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace KycOcr.Core.Http;

/// <summary>
/// Finds the job named by <c>?task_id=</c> for the calling key. A job is visible only to the key that
/// submitted it (inbox jobs, which no key submitted, to every key); to any other key it does not exist.
/// </summary>
public static class OwnedTask
{
    public const string QueryParameter = "task_id";

    public static async Task<(OrchestrationMetadata? Job, IResult? Refusal)> FindAsync(
        HttpRequest request, CallerGate gate, RequestCost cost, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (owner, refusal) = gate.Admit(request, cost);
        if (refusal is not null)
            return (null, refusal);

        var taskId = request.Query[QueryParameter].ToString();
        if (string.IsNullOrWhiteSpace(taskId))
            return (null, ApiResults.Error(StatusCodes.Status400BadRequest, ErrorCodes.MissingTaskId, "Give the task id in the query: /id?task_id=<id>."));
        if (!TaskIds.IsWellFormed(taskId))
            return (null, ApiResults.Error(StatusCodes.Status400BadRequest, ErrorCodes.InvalidTaskId, "The task id is malformed: use the id returned by POST /read_text."));

        var job = await durable.GetInstanceAsync(taskId, getInputsAndOutputs: true, cancellationToken);
        var jobOwner = job?.ReadInputAs<JobRequest>()?.OwnerId;
        if (job is null || (jobOwner != owner && jobOwner != JobRequest.InboxOwner))
            return (null, NotFound());
        return (job, null);
    }

    // The original's 404 body, with the stable code added.
    public static IResult NotFound() => ApiResults.Error(StatusCodes.Status404NotFound, ErrorCodes.TaskNotFound, "Task ID not found");
}

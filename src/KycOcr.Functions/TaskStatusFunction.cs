using KycOcr.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace KycOcr.Functions;

/// <summary><c>GET /id?task_id=</c>: the job's status or result.</summary>
public sealed class TaskStatusFunction(TaskStatusHandler handler)
{
    [Function("id")]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "id")] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(request, durable, cancellationToken);
}

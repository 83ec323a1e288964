using KycOcr.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace KycOcr.Functions;

/// <summary><c>DELETE /id?task_id=</c>: erase a job and everything kept about it.</summary>
public sealed class EraseTaskFunction(EraseTaskHandler handler)
{
    [Function("erase")]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "id")] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(request, durable, cancellationToken);
}

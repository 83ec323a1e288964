using KycOcr.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace KycOcr.Functions;

/// <summary><c>GET /portrait?task_id=</c>: the holder's portrait crop, for the key that submitted the job.</summary>
public sealed class PortraitFunction(PortraitHandler handler)
{
    [Function("portrait")]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portrait")] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(request, durable, cancellationToken);
}

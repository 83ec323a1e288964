using KycOcr.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace KycOcr.Functions;

/// <summary><c>GET /health</c>: storage and model reachability, nothing secret.</summary>
public sealed class HealthFunction(HealthHandler handler)
{
    [Function("health")]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(cancellationToken);
}

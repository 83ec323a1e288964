using KycOcr.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace KycOcr.Functions;

/// <summary><c>GET /openapi.json</c>: the API's description (the original, on FastAPI, served one too).</summary>
public sealed class OpenApiFunction
{
    [Function("openapi")]
    public static IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        OpenApiHandler.Handle();
}

using Microsoft.AspNetCore.Http;

namespace KycOcr.Core.Http;

/// <summary><c>GET /openapi.json</c>: the API's OpenAPI 3 description, kept true by a test against the routes.</summary>
public static class OpenApiHandler
{
    private static readonly Lazy<string> Document = new(() => EmbeddedResources.Text("KycOcr.Core.Http.openapi.json"));

    public static string Json => Document.Value;

    public static IResult Handle() => Results.Text(Json, "application/json", statusCode: StatusCodes.Status200OK);
}

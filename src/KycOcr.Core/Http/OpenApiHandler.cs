using Microsoft.AspNetCore.Http;

namespace KycOcr.Core.Http;

/// <summary><c>GET /openapi.json</c>: the API's OpenAPI 3 description, kept true by a test against the routes.</summary>
public static class OpenApiHandler
{
    private static readonly Lazy<string> Document = new(() =>
    {
        using var stream = typeof(OpenApiHandler).Assembly.GetManifestResourceStream("KycOcr.Core.Http.openapi.json")
            ?? throw new InvalidOperationException("openapi.json is not embedded in KycOcr.Core.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Json => Document.Value;

    public static IResult Handle() => Results.Text(Json, "application/json", statusCode: StatusCodes.Status200OK);
}

using Microsoft.AspNetCore.Http;

namespace KycOcr.Core.Http;

/// <summary>JSON responses in the API's conventions, with the headers some statuses need.</summary>
public static class ApiResults
{
    public static IResult Json(int status, object body, IReadOnlyDictionary<string, string>? headers = null) =>
        new JsonWithHeaders(status, body, headers);

    public static IResult Error(int status, string code, string message) => Json(status, new ApiError(message, code));

    public static IResult Error(int status, ApiError error) => Json(status, error);

    /// <summary>404 for a path the service does not serve.</summary>
    public static IResult NoSuchRoute() =>
        Error(StatusCodes.Status404NotFound, "not_found", "No such endpoint: see GET /openapi.json for the API.");

    /// <summary>401 in the one error shape, plus the original service's <c>detail</c> for existing clients.</summary>
    public static IResult Unauthorized() => Json(StatusCodes.Status401Unauthorized,
        new ApiError("Invalid or missing API key: send a valid key in the X-API-Key header.", ErrorCodes.Unauthorized)
        {
            Detail = "Invalid or missing API Key",
        });

    /// <summary>503 <c>storage_unavailable</c> with <c>Retry-After: 30</c>: what was asked can be tried again shortly.</summary>
    public static IResult StorageUnavailable(string message) => Json(StatusCodes.Status503ServiceUnavailable,
        new ApiError(message, ErrorCodes.StorageUnavailable), new Dictionary<string, string> { ["Retry-After"] = "30" });

    /// <summary>A JPEG (a portrait crop): personal data, so never cached either.</summary>
    public static IResult Jpeg(BinaryData image) => new JpegNoStore(image);

    /// <summary>204, still marked not to be cached.</summary>
    public static IResult NoContent() => new NoContentNoStore();

    private sealed class NoContentNoStore : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "no-store";
            httpContext.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }
    }

    private sealed class JpegNoStore(BinaryData image) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "no-store";
            return Results.Bytes(image.ToMemory(), "image/jpeg").ExecuteAsync(httpContext);
        }
    }

    private sealed class JsonWithHeaders(int status, object body, IReadOnlyDictionary<string, string>? headers) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (headers is not null)
            {
                foreach (var (name, value) in headers)
                    httpContext.Response.Headers[name] = value;
            }
            // Responses may carry personal data: never cache them anywhere.
            httpContext.Response.Headers.CacheControl = "no-store";
            return Results.Json(body, KycJson.Options, statusCode: status).ExecuteAsync(httpContext);
        }
    }
}

using KycOcr.Core;
using KycOcr.Core.Http;
using KycOcr.Core.TryIt;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;

namespace KycOcr.LocalHost;

/// <summary>The function app's routes, mapped onto the same host-agnostic handlers.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapKycOcrApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/read_text", (HttpRequest request, ReadTextHandler handler, DurableTaskClient durable, CancellationToken cancellationToken) =>
            handler.HandleAsync(request, durable, cancellationToken));
        endpoints.MapGet("/id", (HttpRequest request, TaskStatusHandler handler, DurableTaskClient durable, CancellationToken cancellationToken) =>
            handler.HandleAsync(request, durable, cancellationToken));
        endpoints.MapGet("/portrait", (HttpRequest request, PortraitHandler handler, DurableTaskClient durable, CancellationToken cancellationToken) =>
            handler.HandleAsync(request, durable, cancellationToken));
        endpoints.MapDelete("/id", (HttpRequest request, EraseTaskHandler handler, DurableTaskClient durable, CancellationToken cancellationToken) =>
            handler.HandleAsync(request, durable, cancellationToken));
        endpoints.MapGet("/health", (HealthHandler handler, CancellationToken cancellationToken) => handler.HandleAsync(cancellationToken));
        endpoints.MapGet("/openapi.json", OpenApiHandler.Handle);
        endpoints.MapGet("/", (TryItPage page) => page.Page());
        endpoints.MapGet("/try-it/{file}", (string file, TryItPage page) => page.Serve(file));
        endpoints.MapFallback(() => ApiResults.NoSuchRoute());
        return endpoints;
    }

    /// <summary>Any unexpected exception becomes the API's JSON error, never a stack trace or an empty 500.</summary>
    public static IApplicationBuilder UseJsonErrors(this IApplicationBuilder app) => app.UseExceptionHandler(errors => errors.Run(context =>
        ApiResults.Error(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, "The service failed unexpectedly. Try again later.")
            .ExecuteAsync(context)));
}

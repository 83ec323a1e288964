using KycOcr.Core.Telemetry;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KycOcr.Functions;

public static class WorkerTelemetry
{
    /// <summary>
    /// The job's spans and metrics (<see cref="TelemetryServiceCollectionExtensions.AddKycOcrTelemetry"/>) joined to the
    /// host's: the worker's invocation spans continue the host's trace, and the host leaves the worker's telemetry to it
    /// (with host.json's <c>"telemetryMode": "OpenTelemetry"</c>), so one request is one trace from host to activity.
    /// </summary>
    public static IServiceCollection AddKycOcrWorkerTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddKycOcrTelemetry(configuration);
        services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
        return services;
    }
}

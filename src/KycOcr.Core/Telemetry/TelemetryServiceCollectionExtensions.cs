using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KycOcr.Core.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    public const string ConnectionSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// Job and stage spans and metrics through OpenTelemetry, exported to Application Insights when
    /// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set; without it they are collected but kept local.
    /// </summary>
    public static IServiceCollection AddKycOcrTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration[ConnectionSetting];
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("kycocr"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(KycOcrTelemetry.SourceName);
                if (!string.IsNullOrWhiteSpace(connectionString))
                    tracing.AddAzureMonitorTraceExporter(exporter => exporter.ConnectionString = connectionString);
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(KycOcrTelemetry.SourceName);
                if (!string.IsNullOrWhiteSpace(connectionString))
                    metrics.AddAzureMonitorMetricExporter(exporter => exporter.ConnectionString = connectionString);
            });
        return services;
    }
}

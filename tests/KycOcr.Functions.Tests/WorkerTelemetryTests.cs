using System.Reflection;
using System.Text.Json;
using KycOcr.Core.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;

namespace KycOcr.Functions.Tests;

/// <summary>One request is one trace: the worker sends its own OpenTelemetry, continuing the host's trace.</summary>
public sealed class WorkerTelemetryTests
{
    private static ServiceProvider Services() =>
        new ServiceCollection().AddLogging().AddKycOcrWorkerTelemetry(new ConfigurationBuilder().Build()).BuildServiceProvider();

    [Fact]
    public void The_worker_tells_the_host_that_it_sends_its_own_telemetry()
    {
        using var services = Services();

        var capabilities = services.GetRequiredService<IOptions<WorkerOptions>>().Value.Capabilities;

        Assert.True(capabilities.TryGetValue("WorkerOpenTelemetryEnabled", out var enabled), string.Join(", ", capabilities.Keys));
        Assert.Equal("true", enabled, ignoreCase: true);
    }

    [Fact]
    public void The_jobs_own_spans_are_still_recorded()
    {
        using var services = Services();
        _ = services.GetRequiredService<TracerProvider>();

        using var span = KycOcrTelemetry.Source.StartActivity("probe");

        Assert.NotNull(span);
    }

    [Fact]
    public void Host_json_puts_the_host_in_OpenTelemetry_mode()
    {
        var output = typeof(WorkerTelemetryTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FunctionsOutput").Value!;
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "host.json")));

        Assert.Equal("OpenTelemetry", host.RootElement.GetProperty("telemetryMode").GetString());
    }
}

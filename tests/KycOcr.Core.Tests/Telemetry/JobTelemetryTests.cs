using System.Diagnostics;
using KycOcr.Core.Jobs;
using KycOcr.Core.Telemetry;
using KycOcr.Samples;
using KycOcr.TestSupport.Hosting;
using KycOcr.TestSupport.Model;
using KycOcr.TestSupport.Storage;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace KycOcr.Core.Tests.Telemetry;

/// <summary>A real job on the in-process engine, its spans and metrics caught by OpenTelemetry's in-memory exporter.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class JobTelemetryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string ModelKey = "sk-telemetry-secret-9876";
    private LoopbackModelServer _model = null!;

    public async Task InitializeAsync() => _model = await LoopbackModelServer.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task A_job_gives_one_span_per_stage_tagged_with_its_task_id_and_nothing_personal()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(KycOcrTelemetry.SourceName).AddInMemoryExporter(spans).Build();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(KycOcrTelemetry.SourceName).AddInMemoryExporter(metrics).Build();
        await using var host = await KycOcrTestHost.StartAsync(KycOcrTestHost.SettingsFor(azurite.ConnectionString, _model, ("OPENAI_API_KEY", ModelKey)));
        var photo = SyntheticDocumentGenerator.SpecimenPhoto(DocumentKind.PassportTd3, seed: 5).Bytes;

        var (taskId, job) = await host.RunJobAsync(photo);
        Assert.IsType<JobOutcome.Succeeded>(job.ReadOutputAs<JobOutcome>());
        tracing.ForceFlush();
        meters.ForceFlush();

        var mine = spans.Where(s => (string?)s.GetTagItem(KycOcrTelemetry.TaskIdTag) == taskId).ToList();
        Assert.Equal(["cleanup", "extract", "preprocess"], mine.Select(s => s.DisplayName).Order());
        Assert.All(mine, s => Assert.Equal("ok", s.GetTagItem(KycOcrTelemetry.OutcomeTag)));
        Assert.Contains(metrics, m => m.Name == "kycocr.stage.duration");

        // Nothing a customer wrote, nothing of the image, no key: in span names, tags or events, nor in logs.
        var recorded = string.Join('\n', spans.SelectMany(s =>
            new[] { s.DisplayName }.Concat(s.TagObjects.Select(t => $"{t.Key}={t.Value}")).Concat(s.Events.Select(e => e.Name))))
            + '\n' + host.Logs.All;
        foreach (var secret in new[] { "ERIKSSON", "ANNA", "L898902C3", "1974-08-12", ModelKey, KycOcrTestHost.ApiKey, "base64", "/9j/" })
            Assert.DoesNotContain(secret, recorded);
    }
}

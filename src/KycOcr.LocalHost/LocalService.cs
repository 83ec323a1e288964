using KycOcr.Core.Configuration;
using KycOcr.Core.Jobs;
using KycOcr.Core.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KycOcr.LocalHost;

/// <summary>
/// The whole service in one process, without the Functions host: the same HTTP handlers, orchestrator and
/// activities, on the durable Azure Storage engine (Azurite locally), plus the retention purge.
/// </summary>
public sealed class LocalService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DurableSidecar _sidecar;
    private readonly ILoggerFactory _sidecarLogs;

    private LocalService(WebApplication app, DurableSidecar sidecar, ILoggerFactory sidecarLogs)
    {
        _app = app;
        _sidecar = sidecar;
        _sidecarLogs = sidecarLogs;
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>The addresses actually bound (with the real port when 0 was asked for).</summary>
    public IReadOnlyList<Uri> Addresses =>
        _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Select(a => new Uri(a)).ToList();

    /// <param name="configuration">The service's settings (names of the README's configuration table).</param>
    /// <param name="urls">Where to listen, e.g. <c>http://127.0.0.1:7071</c>; port 0 picks a free one.</param>
    /// <param name="configureLogging">The host's log sinks; none when null.</param>
    public static async Task<LocalService> StartAsync(
        IConfiguration configuration, string urls, Action<ILoggingBuilder>? configureLogging = null, CancellationToken cancellationToken = default)
    {
        var storage = new StorageOptions();
        configuration.Bind(storage);
        storage.FromConfiguration(configuration);
        // Keys that would fail open (an unresolved Key Vault reference, a short key) stop the start before anything listens.
        OptionsCheck.Validated(Bind<ApiOptions>(configuration));
        var jobs = OptionsCheck.Validated(Bind<JobOptions>(configuration));
        var local = Bind<LocalHostOptions>(configuration);
        local.WorstCaseActivity = jobs.WorstCaseExtractionActivity;
        OptionsCheck.Validated(local);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseUrls(urls);
        // UploadReader enforces MAX_UPLOAD_BYTES itself, with a JSON 413; Kestrel's own 30 MB cap would cut it short.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        builder.Logging.ClearProviders();
        configureLogging?.Invoke(builder.Logging);
        // Shut down within the Ctrl-C budget; an interrupted activity is retried from its queue message.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(15));

        var loggerFactory = LoggerFactory.Create(logging => configureLogging?.Invoke(logging));
        var sidecar = await DurableSidecar.StartAsync(storage, local, loggerFactory, cancellationToken);
        try
        {
            builder.Services.AddKycOcrCore(configuration);
            builder.Services.AddKycOcrTelemetry(configuration);
            builder.Services.AddDurableTaskWorker(worker =>
            {
                worker.UseGrpc(sidecar.Channel);
                worker.AddTasks(tasks => tasks.AddReadDocumentTasks());
                worker.Configure(options =>
                {
                    options.Concurrency.MaximumConcurrentActivityWorkItems = local.MaxConcurrentActivities;
                    options.DataConverter = JobDataConverter.Instance;
                });
            });
            builder.Services.AddDurableTaskClient(client =>
            {
                client.UseGrpc(sidecar.Channel);
                client.Configure(options => options.DataConverter = JobDataConverter.Instance);
                client.RegisterDirectly();
            });
            builder.Services.AddHostedService<RetentionPurgeService>();
            builder.Services.AddHostedService<InboxPollingService>();

            var app = builder.Build();
            app.UseJsonErrors();
            app.MapKycOcrApi();
            await app.StartAsync(cancellationToken);
            return new LocalService(app, sidecar, loggerFactory);
        }
        catch
        {
            await sidecar.DisposeAsync();
            loggerFactory.Dispose();
            throw;
        }
    }

    /// <summary>Every mapped operation as "METHOD /route", to compare with the OpenAPI description.</summary>
    public IReadOnlySet<string> Operations => ((IEndpointRouteBuilder)_app).DataSources
        .SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
        .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            .Select(method => $"{method} {endpoint.RoutePattern.RawText}"))
        .ToHashSet();

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _sidecar.DisposeAsync();
        _sidecarLogs.Dispose();
    }

    private static T Bind<T>(IConfiguration configuration) where T : new()
    {
        var options = new T();
        configuration.Bind(options);
        return options;
    }
}

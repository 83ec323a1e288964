using KycOcr.Core.Configuration;
using KycOcr.Core.Jobs;
using KycOcr.Core.Storage;
using KycOcr.TestSupport.Logging;
using KycOcr.TestSupport.Model;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KycOcr.TestSupport.Hosting;

/// <summary>
/// The service's real orchestrator and activities on the in-process Durable Task engine, with real
/// storage and whatever model endpoint the settings name. Each host gets its own uploads container.
/// </summary>
public sealed class KycOcrTestHost : IAsyncDisposable
{
    public const string ApiKey = "test-key-0123456789abcdef";
    public const string OtherApiKey = "other-key-fedcba9876543210";

    private readonly DurableTaskTestHost _host;

    private KycOcrTestHost(DurableTaskTestHost host, IConfiguration configuration, CapturedLogs logs)
    {
        _host = host;
        Configuration = configuration;
        Logs = logs;
    }

    public DurableTaskClient Client => _host.Client;

    public IServiceProvider Services => _host.Services;

    public IConfiguration Configuration { get; }

    public CapturedLogs Logs { get; }

    /// <summary>Settings for fast tests: retries milliseconds apart, both test keys accepted, fresh containers.</summary>
    public static Dictionary<string, string?> DefaultSettings(string storageConnectionString) => new()
    {
        ["AzureWebJobsStorage"] = storageConnectionString,
        ["UPLOADS_CONTAINER"] = "uploads-" + Guid.NewGuid().ToString("N")[..12],
        ["INBOX_CONTAINER"] = "inbox-" + Guid.NewGuid().ToString("N")[..12],
        ["RESULTS_CONTAINER"] = "results-" + Guid.NewGuid().ToString("N")[..12],
        ["API_KEYS"] = $"{ApiKey},{OtherApiKey}",
        ["EXTRACTION_RETRY_INTERVAL_SECONDS"] = "0.05",
        ["MODEL_TIMEOUT_SECONDS"] = "5",
        ["JOB_DEADLINE_SECONDS"] = "60",
    };

    /// <summary>
    /// <see cref="DefaultSettings"/> reading through <paramref name="model"/>, then the test's own
    /// <paramref name="overrides"/>: the one way every test host and service under test is configured.
    /// </summary>
    public static Dictionary<string, string?> SettingsFor(string storageConnectionString, LoopbackModelServer model, params (string Name, string Value)[] overrides)
    {
        var settings = DefaultSettings(storageConnectionString);
        settings["OPENAI_BASE_URL"] = model.OpenAiBaseUrl.ToString();
        foreach (var (name, value) in overrides)
            settings[name] = value;
        return settings;
    }

    /// <param name="configureServices">Applied after the service's own registrations (a test's data converter, say).</param>
    public static async Task<KycOcrTestHost> StartAsync(IDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var logs = new CapturedLogs();
        var host = await StartEngineAsync(registry => registry.AddReadDocumentTasks(), JobDataConverter.Instance, services =>
        {
            services.AddKycOcrCore(configuration);
            services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
            configureServices?.Invoke(services);
        });
        return new KycOcrTestHost(host, configuration, logs);
    }

    /// <summary>
    /// The in-process engine with <paramref name="tasks"/>, serializing with <paramref name="converter"/> on the worker
    /// and on the client the tests read outcomes with (the hosts use <see cref="JobDataConverter"/>).
    /// </summary>
    public static async Task<DurableTaskTestHost> StartEngineAsync(
        Action<DurableTaskRegistry> tasks, DataConverter converter, Action<IServiceCollection> configureServices)
    {
        // Left to itself the test host picks a random port in 30000-40000 without asking whether it is free, and
        // test projects run side by side: take a port the system reports free, and another if it is taken meanwhile.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DurableTaskTestHost.StartAsync(tasks, new DurableTaskTestHostOptions
                {
                    Port = ServeProcess.FreePort(),
                    ConfigureServices = services =>
                    {
                        services.ConfigureAll<DurableTaskWorkerOptions>(options => options.DataConverter = converter);
                        services.ConfigureAll<DurableTaskClientOptions>(options => options.DataConverter = converter);
                        configureServices(services);
                    },
                });
            }
            catch (IOException e) when (attempt < 3 && e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
            }
        }
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Waits for a job to finish and returns its metadata with inputs and outputs.</summary>
    public async Task<OrchestrationMetadata> WaitForJobAsync(string taskId, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        return await Client.WaitForInstanceCompletionAsync(taskId, getInputsAndOutputs: true, cancellation.Token);
    }

    /// <summary>
    /// Stores <paramref name="upload"/> as a new job's upload, starts the job through the HTTP starter's submitter (with the
    /// configured policy unless one is given) and waits for its end.
    /// </summary>
    public async Task<(string TaskId, OrchestrationMetadata Job)> RunJobAsync(byte[] upload, JobPolicy? policy = null)
    {
        var taskId = TaskIds.New();
        await Get<JobSubmitter>().StartAsync(
            new JobSubmission(taskId, [new SubmittedPage(BinaryData.FromBytes(upload), ".jpg", "image/jpeg")], "key:owner", "test", Policy: policy), Client);
        return (taskId, await WaitForJobAsync(taskId));
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();
}

using Azure.Identity;
using Azure.Storage.Blobs;
using KycOcr.Core.Auth;
using KycOcr.Core.Extraction;
using KycOcr.Core.Http;
using KycOcr.Core.Jobs;
using KycOcr.Core.Mrz.Reading;
using KycOcr.Core.Portraits;
using KycOcr.Core.Preprocessing;
using KycOcr.Core.Quality;
using KycOcr.Core.Storage;
using KycOcr.Core.TryIt;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KycOcr.Core.Configuration;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Everything a host needs apart from its durable engine: options (validated at start-up),
    /// storage, auth, the HTTP handlers and the activities' dependencies.
    /// </summary>
    public static IServiceCollection AddKycOcrCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration).Configure(o => o.FromConfiguration(configuration))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ApiOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JobOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ModelOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MrzReaderOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<QualityOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PortraitOptions>().Bind(configuration).ValidateOnStart();
        services.AddOptions<TryItPageOptions>().Bind(configuration).ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => CreateBlobServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<BlobJobStore>();
        services.AddSingleton<InboxStore>();
        services.AddSingleton<JobSubmitter>();
        services.AddSingleton<ExtractionStage>();
        services.AddSingleton<InboxJobStarter>();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<ApiRateLimiter>();
        services.AddSingleton<CallerGate>();
        services.AddSingleton<UploadReader>();
        services.AddSingleton<ReadTextHandler>();
        services.AddSingleton<TaskStatusHandler>();
        services.AddSingleton<EraseTaskHandler>();
        services.AddSingleton<PortraitHandler>();
        services.AddSingleton<HealthHandler>();
        services.AddSingleton<TryItPage>();
        services.AddHttpClient(HealthHandler.HttpClientName);

        // One reader for all: its glyph templates are built once and it is safe for concurrent use.
        services.AddSingleton(sp => new MrzImageReader(sp.GetRequiredService<IOptions<MrzReaderOptions>>().Value));
        services.AddSingleton<PortraitFinder>();
        services.AddSingleton(sp => new DocumentPreprocessor(
            sp.GetRequiredService<IOptions<ApiOptions>>(), sp.GetRequiredService<IOptions<ModelOptions>>(), sp.GetRequiredService<IOptions<QualityOptions>>(),
            sp.GetRequiredService<MrzImageReader>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<PortraitOptions>>().Value.Enabled ? sp.GetRequiredService<PortraitFinder>() : null));
        services.AddSingleton<IImagePreprocessor>(sp => sp.GetRequiredService<DocumentPreprocessor>());
        services.AddSingleton<IDocumentExtractor>(sp => DocumentExtractorFactory.Create(sp));

        services.AddSingleton<RetentionPurge>();
        services.AddTransient<PreprocessActivity>();
        services.AddTransient<ExtractActivity>();
        services.AddTransient<CleanupActivity>();
        services.AddTransient<PublishInboxResultActivity>();
        return services;
    }

    public static BlobServiceClient CreateBlobServiceClient(StorageOptions options)
    {
        var clientOptions = new BlobClientOptions();
        // Fail fast when storage is down, so a submit answers 503 in seconds instead of hanging.
        clientOptions.Retry.MaxRetries = 2;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(15);

        if (string.IsNullOrWhiteSpace(options.ConnectionString) && !string.IsNullOrWhiteSpace(options.AccountName))
        {
            var uri = new Uri($"https://{options.AccountName}.blob.core.windows.net");
            return new BlobServiceClient(uri, new DefaultAzureCredential(), clientOptions);
        }

        return new BlobServiceClient(options.EffectiveConnectionString, clientOptions);
    }
}

using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;
using KycOcr.Core.Configuration;
using KycOcr.Core.Mrz.Reading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace KycOcr.Core.Extraction;

/// <summary>Builds the extractor that <c>EXTRACTOR</c> (or the configured endpoints) choose.</summary>
public static class DocumentExtractorFactory
{
    public static IDocumentExtractor Create(IServiceProvider services)
    {
        var model = services.GetRequiredService<IOptions<ModelOptions>>().Value;
        var jobs = services.GetRequiredService<IOptions<JobOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var loggers = services.GetRequiredService<ILoggerFactory>();

        var verify = services.GetRequiredService<IOptions<MrzReaderOptions>>().Value.VerifyModelReadings;
        IDocumentExtractor Verified(IDocumentExtractor vision) => verify ? new MrzVerifyingExtractor(vision, time) : vision;

        return model.EffectiveExtractor switch
        {
            ModelOptions.AzureOpenAi => Verified(
                new OpenAiVisionExtractor(AzureChatClient(model, jobs), model, jobs, time, loggers.CreateLogger<OpenAiVisionExtractor>())),
            ModelOptions.OpenAi => Verified(
                new OpenAiVisionExtractor(OpenAiChatClient(model, jobs), model, jobs, time, loggers.CreateLogger<OpenAiVisionExtractor>())),
            _ => new OfflineMrzExtractor(time),
        };
    }

    public static ChatClient OpenAiChatClient(ModelOptions model, JobOptions jobs)
    {
        var options = new OpenAIClientOptions { Endpoint = new Uri(model.OpenAiBaseUrl!) };
        Configure(options, model, jobs);
        // Local OpenAI-compatible servers often need no key; the SDK insists on one.
        var key = string.IsNullOrEmpty(model.OpenAiApiKey) ? "no-key" : model.OpenAiApiKey;
        return new OpenAIClient(new ApiKeyCredential(key), options).GetChatClient(model.OpenAiModel);
    }

    public static ChatClient AzureChatClient(ModelOptions model, JobOptions jobs)
    {
        var options = new AzureOpenAIClientOptions();
        Configure(options, model, jobs);
        var endpoint = new Uri(model.AzureOpenAiEndpoint!);
        var client = string.IsNullOrEmpty(model.AzureOpenAiApiKey)
            ? new AzureOpenAIClient(endpoint, new DefaultAzureCredential(), options)
            : new AzureOpenAIClient(endpoint, new ApiKeyCredential(model.AzureOpenAiApiKey), options);
        return client.GetChatClient(model.AzureOpenAiDeployment!);
    }

    private static void Configure(ClientPipelineOptions options, ModelOptions model, JobOptions jobs)
    {
        // The orchestration's retry policy is the only one, so a test can count the calls.
        options.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        options.NetworkTimeout = jobs.ModelTimeout;
        if (ModelRequestStyle.Policy(model) is { } reasoning)
            options.AddPolicy(reasoning, PipelinePosition.PerCall);
    }
}

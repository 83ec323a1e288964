using KycOcr.Core.Configuration;
using KycOcr.Core.Extraction;
using KycOcr.Core.Mrz;
using KycOcr.TestSupport.Images;
using KycOcr.TestSupport.Logging;
using KycOcr.TestSupport.Model;
using Microsoft.Extensions.Logging;

namespace KycOcr.Core.Tests.Extraction;

/// <summary>The Azure OpenAI client (Azure.AI.OpenAI) against the loopback server, on Azure's URL shape and key header.</summary>
public sealed class AzureOpenAiExtractorTests : IAsyncLifetime
{
    private LoopbackModelServer _model = null!;

    public async Task InitializeAsync() => _model = await LoopbackModelServer.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task Calls_the_deployment_with_the_api_key_header_and_no_retries_of_its_own()
    {
        var model = new ModelOptions
        {
            AzureOpenAiEndpoint = _model.BaseAddress.ToString(),
            AzureOpenAiDeployment = "vision-prod",
            AzureOpenAiApiKey = "azure-secret-key-1234",
        };
        var jobs = new JobOptions { ModelTimeoutSeconds = 5 };
        var logs = new CapturedLogs();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var extractor = new OpenAiVisionExtractor(
            DocumentExtractorFactory.AzureChatClient(model, jobs), model, jobs, TimeProvider.System, loggers.CreateLogger<OpenAiVisionExtractor>());

        var read = await extractor.ExtractAsync(new PreparedDocument(SimpleImages.Encode(1024, 646), MrzReading.NotFound("none")), CancellationToken.None);

        Assert.Equal("passport", read.Document.Type);
        var request = Assert.Single(_model.Requests);
        Assert.Equal("/openai/deployments/vision-prod/chat/completions", request.Path);
        Assert.Equal("azure-secret-key-1234", request.ApiKey);
        Assert.Contains("api-version=", request.Query);

        _model.Default = ModelReply.Status(503);
        var failure = await Assert.ThrowsAsync<TransientExtractionException>(() => extractor.ExtractAsync(new PreparedDocument(SimpleImages.Encode(300, 200), MrzReading.NotFound("none")), CancellationToken.None));
        Assert.Equal(ExtractionErrorCodes.Unavailable, failure.Code);
        Assert.Equal(2, _model.Requests.Count); // one call: the SDK did not retry
        Assert.DoesNotContain("azure-secret-key-1234", logs.All);
    }
}

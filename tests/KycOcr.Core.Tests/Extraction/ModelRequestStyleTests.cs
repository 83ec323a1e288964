using System.Text.Json;
using KycOcr.Core.Configuration;
using KycOcr.Core.Extraction;
using KycOcr.Core.Mrz;
using KycOcr.TestSupport.Images;
using KycOcr.TestSupport.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace KycOcr.Core.Tests.Extraction;

/// <summary>
/// Each model family's request, through both clients (OpenAI's and Azure's) to the loopback server, which refuses
/// what the real services refuse: a request the model would turn away fails these tests.
/// </summary>
public sealed class ModelRequestStyleTests : IAsyncLifetime
{
    private LoopbackModelServer _model = null!;
    private static readonly JobOptions Jobs = new() { ModelTimeoutSeconds = 5 };

    public async Task InitializeAsync() => _model = await LoopbackModelServer.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    private ModelOptions OpenAi(string modelName, string? effort = null) =>
        new() { OpenAiBaseUrl = _model.OpenAiBaseUrl.ToString(), OpenAiModel = modelName, ReasoningEffort = effort };

    /// <summary>An Azure deployment named "vision" (as the infra names it) serving <paramref name="modelName"/>.</summary>
    private ModelOptions Azure(string modelName, string family, string? effort = null)
    {
        _model.DeploymentModels["vision"] = modelName;
        return new() { AzureOpenAiEndpoint = _model.BaseAddress.ToString(), AzureOpenAiDeployment = "vision", AzureOpenAiApiKey = "azure-key-0123456789", ModelFamily = family, ReasoningEffort = effort };
    }

    private static Task<ExtractedDocument> ExtractAsync(ModelOptions model)
    {
        var chat = model.EffectiveExtractor == ModelOptions.AzureOpenAi ? DocumentExtractorFactory.AzureChatClient(model, Jobs) : DocumentExtractorFactory.OpenAiChatClient(model, Jobs);
        var extractor = new OpenAiVisionExtractor(chat, model, Jobs, TimeProvider.System, NullLogger<OpenAiVisionExtractor>.Instance);
        return extractor.ExtractAsync(new PreparedDocument(SimpleImages.Encode(640, 404), MrzReading.NotFound("none")), CancellationToken.None);
    }

    private JsonElement LastBody => _model.Requests[^1].Body;

    [Fact]
    public async Task A_reasoning_model_through_OpenAI_gets_max_completion_tokens_its_effort_and_no_temperature()
    {
        var read = await ExtractAsync(OpenAi("gpt-5.1", effort: "low"));

        Assert.Equal("passport", read.Document.Type);
        AssertReasoningBody(effort: "low");
    }

    [Fact]
    public async Task A_reasoning_deployment_through_Azure_gets_max_completion_tokens_its_effort_and_no_temperature()
    {
        var read = await ExtractAsync(Azure("gpt-5.1", ModelOptions.Reasoning, effort: "medium"));

        Assert.Equal("passport", read.Document.Type);
        Assert.Equal("/openai/deployments/vision/chat/completions", _model.Requests[^1].Path);
        Assert.Contains("api-version=2025-04-01-preview", _model.Requests[^1].Query, StringComparison.Ordinal);
        AssertReasoningBody(effort: "medium");
    }

    /// <summary>The last request as a reasoning model takes it: the limit as max_completion_tokens, the effort, no temperature.</summary>
    private void AssertReasoningBody(string effort)
    {
        Assert.Equal(2000, LastBody.GetProperty("max_completion_tokens").GetInt32());
        Assert.Equal(effort, LastBody.GetProperty("reasoning_effort").GetString());
        Assert.False(LastBody.TryGetProperty("temperature", out _));
        Assert.False(LastBody.TryGetProperty("max_tokens", out _));
    }

    [Fact]
    public async Task A_reasoning_model_without_an_effort_gets_none_sent_and_keeps_its_default()
    {
        await ExtractAsync(OpenAi("gpt-5-mini"));

        Assert.False(LastBody.TryGetProperty("reasoning_effort", out _));
        Assert.False(LastBody.TryGetProperty("temperature", out _));
    }

    [Fact]
    public async Task A_classic_model_reads_at_temperature_0_on_both_clients()
    {
        await ExtractAsync(OpenAi("gpt-4o"));
        Assert.Equal(0, LastBody.GetProperty("temperature").GetDouble());
        Assert.Equal(2000, LastBody.GetProperty("max_completion_tokens").GetInt32());

        await ExtractAsync(Azure("gpt-4o", ModelOptions.Classic));
        Assert.Contains("api-version=2024-10-21", _model.Requests[^1].Query, StringComparison.Ordinal);
        Assert.Equal(0, LastBody.GetProperty("temperature").GetDouble());
        Assert.Equal(2000, LastBody.GetProperty("max_tokens").GetInt32());
        Assert.False(LastBody.TryGetProperty("reasoning_effort", out _));
    }

    [Fact]
    public async Task The_loopback_refuses_what_the_model_would_and_the_job_fails_as_a_bad_request()
    {
        // A classic request to a reasoning deployment: temperature 0 and max_tokens, as gpt-5.1 refuses them.
        var wrongFamily = await Assert.ThrowsAsync<FinalExtractionException>(() => ExtractAsync(Azure("gpt-5.1", ModelOptions.Classic)));
        Assert.Equal(ExtractionErrorCodes.BadRequest, wrongFamily.Code);

        // gpt-5.1 takes none, low, medium, high: not minimal.
        var wrongEffort = await Assert.ThrowsAsync<FinalExtractionException>(() => ExtractAsync(OpenAi("gpt-5.1", effort: "minimal")));
        Assert.Equal(ExtractionErrorCodes.BadRequest, wrongEffort.Code);

        // An effort sent to a classic model.
        Assert.NotNull(ModelRequestRules.Refusal("gpt-4o", JsonDocument.Parse("""{"reasoning_effort":"low"}""").RootElement));
    }

    [Theory]
    [InlineData("gpt-5.1", ModelOptions.Reasoning)]
    [InlineData("gpt-5-mini", ModelOptions.Reasoning)]
    [InlineData("o4-mini", ModelOptions.Reasoning)]
    [InlineData("o3", ModelOptions.Reasoning)]
    [InlineData("GPT-5.4", ModelOptions.Reasoning)]
    [InlineData("gpt-4o", ModelOptions.Classic)]
    [InlineData("gpt-4.1-mini", ModelOptions.Classic)]
    [InlineData("omni-vision", ModelOptions.Classic)]
    public void The_family_follows_the_model_name(string modelName, string family) =>
        Assert.Equal(family, ModelOptions.FamilyOf(modelName));

    [Fact]
    public void An_effort_for_a_classic_model_is_refused_at_start()
    {
        var options = OpenAi("gpt-4o", effort: "low");

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Contains(errors, e => e.ErrorMessage!.Contains("MODEL_REASONING_EFFORT applies to reasoning models only", StringComparison.Ordinal));
    }
}

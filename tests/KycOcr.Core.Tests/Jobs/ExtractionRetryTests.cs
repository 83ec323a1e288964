using System.Diagnostics;
using KycOcr.Core.Configuration;
using KycOcr.Core.Extraction;
using KycOcr.Core.Jobs;
using KycOcr.Core.Mrz;
using KycOcr.TestSupport.Images;
using KycOcr.TestSupport.Model;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;

namespace KycOcr.Core.Tests.Jobs;

/// <summary>How long the orchestration waits before the next attempt, and that no activity waits instead.</summary>
public sealed class ExtractionRetryTests : IAsyncLifetime
{
    private static readonly JobPolicy Policy = new(MaxAttempts: 4, RetryIntervalMs: 2_000, DeadlineMs: 600_000);
    private LoopbackModelServer _model = null!;

    public async Task InitializeAsync() => _model = await LoopbackModelServer.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    /// <summary>A throttled attempt's failure as the durable engine records it.</summary>
    private static TaskFailureDetails Throttled(TimeSpan? retryAfter) => TaskFailureDetails.FromException(
        new TransientExtractionException(ExtractionErrorCodes.Throttled, "The model service is throttling requests.",
            retryAfter is { } wait ? new ModelRetryAfterException(wait, new InvalidOperationException("429")) : null));

    [Theory]
    [InlineData(null, 2.0)] // no Retry-After: the interval
    [InlineData(1.0, 2.0)] // shorter than the interval: the interval
    [InlineData(7.5, 7.5)] // longer: as asked
    [InlineData(600.0, 62.0)] // far longer: at most a minute beyond the interval
    public void The_wait_is_the_interval_or_the_longer_retry_after_the_service_asked_for(double? retryAfterSeconds, double expectedSeconds)
    {
        var failure = Throttled(retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), ExtractionRetry.WaitAfter(failure, Policy));
    }

    [Fact]
    public async Task A_429_asking_for_30_s_ends_the_attempt_at_once_with_the_wait_for_the_orchestration()
    {
        _model.Enqueue(ModelReply.Status(429, headers: new Dictionary<string, string> { ["Retry-After"] = "30" }));
        var jobs = new JobOptions { ModelTimeoutSeconds = 5, ExtractionRetryIntervalSeconds = 0.05 };
        var model = new ModelOptions { OpenAiBaseUrl = _model.OpenAiBaseUrl.ToString(), OpenAiModel = "gpt-4o" };
        var extractor = new OpenAiVisionExtractor(DocumentExtractorFactory.OpenAiChatClient(model, jobs), model, jobs, TimeProvider.System,
            NullLogger<OpenAiVisionExtractor>.Instance);
        var clock = Stopwatch.StartNew();

        var thrown = await Assert.ThrowsAsync<TransientExtractionException>(() =>
            extractor.ExtractAsync(new PreparedDocument(SimpleImages.Encode(640, 404), MrzReading.NotFound("none")), CancellationToken.None));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the activity held its worker for {clock.Elapsed}");
        Assert.Equal(ExtractionErrorCodes.Throttled, thrown.Code);
        Assert.Equal(TimeSpan.FromSeconds(30), ModelRetryAfterException.From(TaskFailureDetails.FromException(thrown)));
    }
}

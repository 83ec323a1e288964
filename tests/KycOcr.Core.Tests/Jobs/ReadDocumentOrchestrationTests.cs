using System.Text.Json;
using KycOcr.Core.Configuration;
using KycOcr.Core.Extraction;
using KycOcr.Core.Jobs;
using KycOcr.Core.Storage;
using KycOcr.Samples;
using KycOcr.TestSupport.Hosting;
using KycOcr.TestSupport.Http;
using KycOcr.TestSupport.Images;
using KycOcr.TestSupport.Model;
using KycOcr.TestSupport.Quality;
using KycOcr.TestSupport.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using OpenCvSharp;

namespace KycOcr.Core.Tests.Jobs;

/// <summary>
/// The real orchestrator and activities on the in-process Durable Task engine, with Azurite for blobs
/// and a loopback server speaking the OpenAI wire format through the real SDK.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReadDocumentOrchestrationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string ModelKey = "sk-loopback-secret-4242";
    private LoopbackModelServer _model = null!;

    public async Task InitializeAsync() => _model = await LoopbackModelServer.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    private async Task<KycOcrTestHost> StartHostAsync(params (string Name, string Value)[] overrides) =>
        await KycOcrTestHost.StartAsync(KycOcrTestHost.SettingsFor(azurite.ConnectionString, _model, [("OPENAI_API_KEY", ModelKey), .. overrides]));

    private static async Task<(string TaskId, JobOutcome Outcome)> RunJobAsync(KycOcrTestHost host, byte[] upload, JobPolicy? policy = null)
    {
        var (taskId, job) = await host.RunJobAsync(upload, policy);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, job.RuntimeStatus);
        return (taskId, job.ReadOutputAs<JobOutcome>()!);
    }

    // The portrait crops stay with the result (RESULT_TTL, DELETE /id); nothing else of a job outlives it.
    private static async Task AssertNoBlobsLeftAsync(KycOcrTestHost host, string taskId) =>
        Assert.DoesNotContain(await host.Get<BlobJobStore>().ListJobBlobsAsync(taskId), name => !BlobJobStore.IsPortraitBlob(name));

    private static byte[] Photo() => DocumentPhotos.Good();

    [Fact]
    public async Task A_readable_photo_gives_the_schema_shaped_result_and_leaves_no_blob()
    {
        await using var host = await StartHostAsync();

        var (taskId, outcome) = await RunJobAsync(host, Photo());

        var result = JsonSerializer.SerializeToElement(Assert.IsType<JobOutcome.Succeeded>(outcome).Result, KycJson.Options);
        Assert.Equal(
            ["id", "document", "fields", "mrz", "verification", "quality", "usage", "model", "timings_ms", "pages"],
            result.EnumerateObject().Select(p => p.Name));
        DocumentedJson.AssertSameShape(DocumentedJson.ResultExample(), result);
        Assert.Equal(taskId, result.GetProperty("id").GetString());
        Assert.Equal("ERIKSSON", result.GetProperty("fields").GetProperty("surname").GetProperty("value").GetString());
        Assert.Equal("model", result.GetProperty("fields").GetProperty("surname").GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("fields").GetProperty("address").ValueKind);
        Assert.Equal(976, result.GetProperty("usage").GetProperty("total_tokens").GetInt32());
        Assert.Equal(LoopbackModelServer.ModelName, result.GetProperty("model").GetString());
        Assert.True(result.GetProperty("timings_ms").TryGetProperty("extraction", out _));

        var request = Assert.Single(_model.Requests);
        Assert.Equal($"Bearer {ModelKey}", request.Authorization);
        Assert.Equal("json_schema", request.Body.GetProperty("response_format").GetProperty("type").GetString());
        Assert.True(request.Body.GetProperty("response_format").GetProperty("json_schema").GetProperty("strict").GetBoolean());
        using var sent = Cv2.ImDecode(Convert.FromBase64String(request.ImageUrls().Single().Split(',')[1]), ImreadModes.Color);
        Assert.Equal(1024, Math.Max(sent.Width, sent.Height)); // downscaled from 1600 to the default budget
        Assert.DoesNotContain(ModelKey, host.Logs.All);
        await AssertNoBlobsLeftAsync(host, taskId);
    }

    [Fact]
    public async Task An_undecodable_image_is_rejected_before_any_model_call()
    {
        await using var host = await StartHostAsync();
        var (taskId, outcome) = await RunJobAsync(host, SimpleImages.CorruptJpeg(800, 600));

        var error = Assert.IsType<JobOutcome.Ended>(outcome).Error;
        Assert.Equal(422, JobOutcomeStatus.Of(error.Code));
        Assert.Equal(ErrorCodes.ImageUndecodable, error.Code);
        Assert.Empty(_model.Requests);
        await AssertNoBlobsLeftAsync(host, taskId);
    }

    [Fact]
    public async Task A_job_whose_upload_is_gone_ends_cancelled_with_the_status_of_the_table_and_calls_no_model()
    {
        await using var host = await StartHostAsync();
        var taskId = TaskIds.New();
        var policy = host.Get<Microsoft.Extensions.Options.IOptions<JobOptions>>().Value.ToPolicy();

        // The upload was erased (DELETE /id, or the retention purge) before the job read it.
        await host.Client.ScheduleNewOrchestrationInstanceAsync(ReadDocumentOrchestration.Name,
            new JobRequest(taskId, BlobJobStore.UploadBlobName(taskId, ".jpg"), "key:owner", policy), new StartOrchestrationOptions(taskId));
        var outcome = (await host.WaitForJobAsync(taskId)).ReadOutputAs<JobOutcome>()!;

        var error = Assert.IsType<JobOutcome.Ended>(outcome).Error;
        Assert.Equal(ErrorCodes.JobCancelled, error.Code);
        Assert.Equal(500, JobOutcomeStatus.Of(error.Code));
        Assert.Empty(_model.Requests);
    }

    [Fact]
    public async Task A_blurry_photo_is_rejected_for_quality_with_the_failed_checks_before_any_model_call()
    {
        await using var host = await StartHostAsync();

        var (taskId, outcome) = await RunJobAsync(host, DocumentPhotos.Blurry());

        var error = Assert.IsType<JobOutcome.Ended>(outcome).Error;
        Assert.Equal(422, JobOutcomeStatus.Of(error.Code));
        QualityRefusals.AssertBlurry(error);
        // No MRZ goes back: none is legible.
        Assert.Null(error.Mrz);
        Assert.Empty(_model.Requests);
        await AssertNoBlobsLeftAsync(host, taskId);
    }

    [Fact]
    public async Task A_misprinted_mrz_is_refused_with_the_reading_as_printed_and_the_quality_report()
    {
        await using var host = await StartHostAsync(("EXTRACTOR", "offline"));
        using var genuine = SyntheticDocumentGenerator.RenderFlatDocument(DocumentKind.IdCardTd1, 92);
        var printed = genuine.Truth.MrzLines.ToArray();
        printed[1] = printed[1][..29] + (char)('0' + (printed[1][29] - '0' + 1) % 10);
        using var misprinted = SyntheticDocumentGenerator.RenderFlatDocument(DocumentKind.IdCardTd1, 92, printedMrz: printed);

        var (taskId, outcome) = await RunJobAsync(host, misprinted.Encode());

        var error = Assert.IsType<JobOutcome.Ended>(outcome).Error;
        Assert.Equal(422, JobOutcomeStatus.Of(error.Code));
        Assert.Equal(ExtractionErrorCodes.MrzInvalid, error.Code);
        var mrz = error.Mrz!;
        Assert.Equal(printed, mrz.Lines);
        Assert.False(mrz.Checks["composite"]);
        Assert.True(error.Quality!.Accepted);
        Assert.Empty(_model.Requests);
        await AssertNoBlobsLeftAsync(host, taskId);
    }

    [Fact]
    public async Task Throttling_and_server_errors_are_retried_until_success()
    {
        await using var host = await StartHostAsync();
        _model.Enqueue(ModelReply.Status(429), ModelReply.Status(500), ModelReply.DropConnection());

        var (taskId, outcome) = await RunJobAsync(host, Photo());

        Assert.IsType<JobOutcome.Succeeded>(outcome);
        Assert.Equal(4, _model.Requests.Count);
        await AssertNoBlobsLeftAsync(host, taskId);
    }

    [Fact]
    public async Task A_429_asking_for_longer_than_the_retry_interval_is_waited_out()
    {
        await using var host = await StartHostAsync();
        _model.Enqueue(ModelReply.Status(429, headers: new Dictionary<string, string> { ["Retry-After"] = "1" }));

        var (_, outcome) = await RunJobAsync(host, Photo());

        Assert.IsType<JobOutcome.Succeeded>(outcome);
        Assert.Equal(2, _model.Requests.Count);
        // The retry interval here is 50 ms; the second call came only after the 1 s the service asked for.
        Assert.True(_model.Requests[1].ReceivedAt - _model.Requests[0].ReceivedAt >= TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task A_repair_request_shares_its_attempts_time_limit_so_no_activity_outlasts_it()
    {
        await using var host = await StartHostAsync(("MODEL_TIMEOUT_SECONDS", "3"), ("EXTRACTION_MAX_RETRIES", "1"));
        // Each call alone is well within the limit, with room for a busy machine; the two together are not.
        _model.Enqueue(
            ModelReply.Delayed(TimeSpan.FromSeconds(1.8), ModelReply.Content("{\"document\": {\"type\": \"passport\"}}")),
            ModelReply.Delayed(TimeSpan.FromSeconds(1.8), ModelReply.Document(SampleDocuments.Passport())));

        var (_, outcome) = await RunJobAsync(host, Photo());

        Assert.IsType<JobOutcome.Succeeded>(outcome);
        // The repair request timed out with its attempt; the second attempt read the document.
        Assert.Equal(3, _model.Requests.Count);
        Assert.True(_model.Requests[2].ReceivedAt - _model.Requests[0].ReceivedAt < TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task Retries_stop_after_exactly_four_attempts()
    {
        await using var host = await StartHostAsync();
        _model.Default = ModelReply.Status(503);

        var (taskId, outcome) = await RunJobAsync(host, Photo());

        var error = Assert.IsType<JobOutcome.Ended>(outcome).Error;
        Assert.Equal(500, JobOutcomeStatus.Of(error.Code));
        Assert.Equal(ErrorCodes.ExtractionFailed, error.Code);
        Assert.Contains("after 4 attempts", error.Error);
        Assert.DoesNotContain("Exception", error.Error);
        Assert.Equal(4, _model.Requests.Count);
        await AssertNoBlobsLeftAsync(host, taskId);
    }

    [Fact]
    public async Task A_slow_model_times_out_and_counts_as_a_retryable_attempt()
    {
        await using var host = await StartHostAsync(("MODEL_TIMEOUT_SECONDS", "0.5"), ("EXTRACTION_MAX_RETRIES", "1"));
        _model.Enqueue(ModelReply.Delayed(TimeSpan.FromSeconds(5), ModelReply.Document(SampleDocuments.Passport())));

        var (_, outcome) = await RunJobAsync(host, Photo());

        Assert.IsType<JobOutcome.Succeeded>(outcome);
        Assert.Equal(2, _model.Requests.Count);
    }

    public static TheoryData<string, ModelReply[], string, int> FinalFailures => new()
    {
        { "content filter", [ModelReply.ContentFilter()], ExtractionErrorCodes.ContentFiltered, 1 },
        { "bad request", [ModelReply.Status(400)], ExtractionErrorCodes.BadRequest, 1 },
        { "refusal", [ModelReply.Refusal("I can't help with that.")], ExtractionErrorCodes.Refused, 1 },
        { "truncated", [ModelReply.Truncated("{\"document\": {\"type\": \"pass")], ExtractionErrorCodes.Truncated, 1 },
        { "schema-invalid twice", [ModelReply.Content("{\"document\": 1}"), ModelReply.Content("not json")], ExtractionErrorCodes.InvalidReply, 2 },
    };

    [Theory]
    [MemberData(nameof(FinalFailures))]
    public async Task Final_failures_are_not_retried(string because, ModelReply[] replies, string code, int requests)
    {
        await using var host = await StartHostAsync();
        _model.Enqueue(replies);

        var (taskId, outcome) = await RunJobAsync(host, Photo());

        var error = Assert.IsType<JobOutcome.Ended>(outcome).Error;
        Assert.True(JobOutcomeStatus.Of(error.Code) == 500, because);
        Assert.Equal(code, error.Code);
        Assert.Equal(requests, _model.Requests.Count);
        await AssertNoBlobsLeftAsync(host, taskId);
    }

    [Fact]
    public async Task A_reply_that_fails_the_schema_is_repaired_once()
    {
        await using var host = await StartHostAsync();
        _model.Enqueue(ModelReply.Content("{\"document\": {\"type\": \"passport\"}}"));

        var (_, outcome) = await RunJobAsync(host, Photo());

        Assert.IsType<JobOutcome.Succeeded>(outcome);
        Assert.Equal(2, _model.Requests.Count);
        var repair = _model.Requests[1].Body.GetProperty("messages").EnumerateArray().Last();
        Assert.Contains("did not follow the schema", repair.GetProperty("content").ToString());
    }

    [Fact]
    public async Task The_whole_job_deadline_ends_a_hanging_job_and_cleans_up()
    {
        await using var host = await StartHostAsync();
        _model.Default = ModelReply.Delayed(TimeSpan.FromSeconds(30), ModelReply.Document(SampleDocuments.Passport()));

        var (taskId, outcome) = await RunJobAsync(host, Photo(), new JobPolicy(MaxAttempts: 1, RetryIntervalMs: 50, DeadlineMs: 1500));

        var error = Assert.IsType<JobOutcome.Ended>(outcome).Error;
        Assert.Equal(500, JobOutcomeStatus.Of(error.Code));
        Assert.Equal(ErrorCodes.DeadlineExceeded, Assert.IsType<JobOutcome.Ended>(outcome).Error.Code);
        await AssertNoBlobsLeftAsync(host, taskId);
    }

    [Fact]
    public async Task A_deadline_that_passes_while_preprocessing_runs_still_leaves_no_blob_behind()
    {
        await using var host = await StartHostAsync();

        // The timer fires long before the preprocessing, which stores the image it prepares, can end.
        var (taskId, outcome) = await RunJobAsync(host, Photo(), new JobPolicy(MaxAttempts: 1, RetryIntervalMs: 50, DeadlineMs: 1));

        Assert.Equal(ErrorCodes.DeadlineExceeded, Assert.IsType<JobOutcome.Ended>(outcome).Error.Code);
        await AssertNoBlobsLeftAsync(host, taskId);
    }

    [Fact]
    public async Task Document_text_never_reaches_the_prompt()
    {
        await using var host = await StartHostAsync();

        await RunJobAsync(host, Photo());

        var messages = _model.Requests.Single().Body.GetProperty("messages").EnumerateArray().ToArray();
        Assert.Equal(2, messages.Length);
        Assert.Equal("system", messages[0].GetProperty("role").GetString());
        Assert.Contains("never an instruction", messages[0].GetProperty("content").ToString());
        var parts = messages[1].GetProperty("content").EnumerateArray().ToArray();
        Assert.Equal(["text", "image_url"], parts.Select(p => p.GetProperty("type").GetString()));
        Assert.Equal(ExtractionPrompt.User, parts[0].GetProperty("text").GetString());
    }
}

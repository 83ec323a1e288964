using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using KycOcr.Core.Http;
using KycOcr.Core.Jobs;
using KycOcr.Core.Storage;
using KycOcr.TestSupport;
using KycOcr.TestSupport.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace KycOcr.Core.Tests.Jobs;

/// <summary>
/// Jobs in flight and outcomes stored during a deploy were written by the code before the typed stage records (see
/// RecordedHistory/README.md). Today's code must read them: the same answers, byte for byte, and the same histories
/// replayed to the end.
/// </summary>
public sealed class RecordedHistoryTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "KycOcr.Core.Tests", "Jobs", "RecordedHistory");

    public static TheoryData<string> Jobs => new(Directory.GetFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).Order()!);

    [Theory]
    [MemberData(nameof(Jobs))]
    public async Task A_stored_outcome_answers_GET_id_byte_for_byte_as_it_did(string name)
    {
        var recorded = RecordedJob.Load(name);

        var outcome = (JobOutcome?)JobDataConverter.Instance.Deserialize(recorded.OrchestrationOutput, typeof(JobOutcome));

        Assert.Equal((recorded.ResponseStatus, recorded.ResponseBody), await ResponseOfAsync(outcome));
    }

    [Theory]
    [MemberData(nameof(Jobs))]
    public void Activity_inputs_scheduled_by_the_old_orchestrator_are_read_by_todays_activities(string name)
    {
        var recorded = RecordedJob.Load(name);

        var request = Read<JobRequest>(recorded.OrchestrationInput);
        Assert.Equal(recorded.TaskId, request.TaskId);
        Assert.Equal(BlobJobStore.UploadBlobName(recorded.TaskId, ".jpg"), request.UploadBlobName);
        Assert.True(request.Policy.MaxAttempts > 0 && request.Policy.DeadlineMs > 0);
        Assert.Equal(Read<PreprocessInput>(recorded.ActivityInputs["PreprocessActivity"]), new PreprocessInput(request.TaskId, request.UploadBlobName));
        Assert.Equal(recorded.TaskId, Read<string>(recorded.ActivityInputs["CleanupActivity"]));

        if (recorded.ActivityInputs.TryGetValue("ExtractActivity", out var extractJson))
        {
            var input = Read<ExtractInput>(extractJson);
            var old = JsonNode.Parse(extractJson)!;
            Assert.Equal(BlobJobStore.PreprocessedBlobName(recorded.TaskId), input.ImageBlobName);
            Assert.Equal(old["Mrz"]!["lines"]!.AsArray().Select(l => (string)l!), input.Mrz.Lines);
            Assert.Equal((bool)old["Mrz"]!["valid"]!, input.Mrz.Valid);
        }
        if (recorded.ActivityInputs.TryGetValue("PublishInboxResultActivity", out var publishJson))
        {
            var input = Read<InboxResultInput>(publishJson);
            var published = JsonSerializer.Serialize(PublishInboxResultActivity.ResultOf(input.TaskId, input.Outcome), KycJson.Options);
            Assert.Equal(recorded.InboxResult, published);
        }
    }

    // A result under today's code less what it adds to one recorded before: pages, and the page of every field (page 1
    // for these single-page jobs).
    private static JsonNode WithoutAdditions(JsonNode result)
    {
        result.AsObject().Remove("pages");
        foreach (var (_, field) in result["fields"]!.AsObject())
        {
            if (field is JsonObject read)
            {
                Assert.Equal(1, read["page"]!.GetValue<int>());
                read.Remove("page");
            }
        }
        return result;
    }

    [Theory]
    [MemberData(nameof(Jobs))]
    public async Task A_job_in_flight_replays_its_recorded_history_to_the_same_answer(string name)
    {
        var recorded = RecordedJob.Load(name);
        var received = new ConcurrentDictionary<string, object>();
        // Today's orchestrator; each activity answers what the old one returned, in the old JSON, so every replay
        // of the orchestrator reads the history the old code wrote.
        await using var host = await KycOcrTestHost.StartEngineAsync(
            registry =>
            {
                registry.AddOrchestrator<ReadDocumentOrchestration>();
                registry.AddActivityFunc<PreprocessInput, RecordedJson>(nameof(PreprocessActivity), (_, input) => Answer(recorded, received, nameof(PreprocessActivity), input));
                registry.AddActivityFunc<ExtractInput, RecordedJson>(nameof(ExtractActivity), (_, input) => Answer(recorded, received, nameof(ExtractActivity), input));
                registry.AddActivityFunc<InboxResultInput, RecordedJson>(nameof(PublishInboxResultActivity), (_, input) => Answer(recorded, received, nameof(PublishInboxResultActivity), input));
                registry.AddActivityFunc<string, RecordedJson>(nameof(CleanupActivity), (_, input) => Answer(recorded, received, nameof(CleanupActivity), input));
            },
            RecordedJsonConverter.Instance,
            _ => { });

        await host.Client.ScheduleNewOrchestrationInstanceAsync(ReadDocumentOrchestration.Name,
            new RecordedJson(recorded.OrchestrationInput), new StartOrchestrationOptions(recorded.TaskId));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var job = await host.Client.WaitForInstanceCompletionAsync(recorded.TaskId, getInputsAndOutputs: true, cancellation.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, job.RuntimeStatus);
        Assert.Equal(recorded.ActivityOutputs.Keys.Order(), received.Keys.Order());
        var (status, body) = await ResponseOfAsync(job.ReadOutputAs<JobOutcome>());
        Assert.Equal(recorded.ResponseStatus, status);
        // A job that ends under today's code reports its pages too, "pages" its last key, and each field's page: the
        // same body apart from these additions.
        if (status == 200)
        {
            Assert.StartsWith("[{\"page\":1,", JsonNode.Parse(body)!["pages"]!.ToJsonString(), StringComparison.Ordinal);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(recorded.ResponseBody), WithoutAdditions(JsonNode.Parse(body)!)), body);
        }
        else
        {
            Assert.Equal(recorded.ResponseBody, body);
        }
        if (received.TryGetValue(nameof(PublishInboxResultActivity), out var publish) && publish is InboxResultInput inbox)
        {
            var published = JsonSerializer.SerializeToNode(PublishInboxResultActivity.ResultOf(inbox.TaskId, inbox.Outcome), KycJson.Options)!;
            Assert.NotNull(published["result"]!.AsObject()["pages"]);
            published["result"] = WithoutAdditions(published["result"]!.DeepClone());
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(recorded.InboxResult!), published), published.ToJsonString());
        }
    }

    private static RecordedJson Answer(RecordedJob recorded, ConcurrentDictionary<string, object> received, string activity, object input)
    {
        received[activity] = input;
        return new RecordedJson(recorded.ActivityOutputs[activity]);
    }

    private static T Read<T>(string json) => (T)JobDataConverter.Instance.Deserialize(json, typeof(T))!;

    private static async Task<(int Status, string Body)> ResponseOfAsync(JobOutcome? outcome)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await TaskStatusHandler.Respond(outcome).ExecuteAsync(context);
        return (context.Response.StatusCode, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }

    /// <summary>JSON as the old code stored it, handed to the engine unchanged.</summary>
    private sealed record RecordedJson(string Json);

    private sealed class RecordedJsonConverter : DataConverter
    {
        public static RecordedJsonConverter Instance { get; } = new();

        public override string? Serialize(object? value) => value is RecordedJson recorded ? recorded.Json : JobDataConverter.Instance.Serialize(value);

        public override object? Deserialize(string? data, Type targetType) => JobDataConverter.Instance.Deserialize(data, targetType);
    }

    private sealed record RecordedJob(
        string TaskId,
        string OrchestrationInput,
        IReadOnlyDictionary<string, string> ActivityInputs,
        IReadOnlyDictionary<string, string> ActivityOutputs,
        string OrchestrationOutput,
        int ResponseStatus,
        string ResponseBody,
        string? InboxResult)
    {
        public static RecordedJob Load(string name) =>
            JsonSerializer.Deserialize<RecordedJob>(File.ReadAllText(Path.Combine(Folder, name + ".json")), KycJson.Options)!;
    }
}

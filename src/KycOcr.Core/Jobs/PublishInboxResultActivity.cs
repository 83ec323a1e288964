using System.Text.Json;
using KycOcr.Core.Storage;
using KycOcr.Core.Telemetry;
using Microsoft.DurableTask;

namespace KycOcr.Core.Jobs;

/// <summary>
/// Ends an inbox job: writes its outcome to the results container (name derived from the dropped
/// blob's), then deletes the dropped blob. Idempotent, so a retry after a crash does no harm.
/// </summary>
public sealed class PublishInboxResultActivity(InboxStore inbox) : TaskActivity<InboxResultInput, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, InboxResultInput input) =>
        KycOcrTelemetry.TraceAsync("publish", input.TaskId, () => PublishAsync(input), _ => "ok");

    private async Task<string> PublishAsync(InboxResultInput input)
    {
        var resultBlob = InboxStore.ResultBlobName(input.InboxBlobName);
        var body = new InboxResult(
            input.TaskId,
            input.Outcome.Status switch
            {
                JobStatus.Succeeded => "succeeded",
                JobStatus.Rejected => "rejected",
                _ => "failed",
            },
            input.Outcome.Result,
            input.Outcome.Error);
        await inbox.WriteResultAsync(resultBlob, BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(body, KycJson.Options)));
        await inbox.DeleteInboxAsync(input.InboxBlobName);
        return resultBlob;
    }

    /// <summary>The result blob: the job id, how it ended, and the GET /id 200 body or the error.</summary>
    public sealed record InboxResult(string Id, string Status, JsonElement? Result, ApiError? Error);
}

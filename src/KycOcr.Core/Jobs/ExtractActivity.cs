using KycOcr.Core.Storage;
using KycOcr.Core.Telemetry;
using Microsoft.DurableTask;

namespace KycOcr.Core.Jobs;

/// <summary>
/// Reads the preprocessed image and runs the <see cref="ExtractionStage"/> on it. Final failures are returned;
/// transient ones are thrown so the orchestration's retry handler sees them.
/// </summary>
public sealed class ExtractActivity(BlobJobStore store, ExtractionStage stage)
    : TaskActivity<ExtractInput, ExtractOutcome>
{
    public override Task<ExtractOutcome> RunAsync(TaskActivityContext context, ExtractInput input) =>
        KycOcrTelemetry.TraceAsync("extract", input.TaskId, () => ExtractAsync(input), o => o switch
        {
            ExtractOutcome.Refused r => r.Error.Code,
            ExtractOutcome.Failed f => f.Error.Code,
            _ => "ok",
        });

    private async Task<ExtractOutcome> ExtractAsync(ExtractInput input)
    {
        var images = new List<ReadOnlyMemory<byte>>();
        foreach (var blob in (IEnumerable<string>)[input.ImageBlobName, .. input.OtherImageBlobNames ?? []])
        {
            if (await store.ReadAsync(blob) is not { } image)
                return new ExtractOutcome.Failed(new ApiError("The upload no longer exists; the job was cancelled.", ErrorCodes.JobCancelled));
            images.Add(image.ToMemory());
        }
        return await stage.RunAsync(images[0], input.Mrz, images[1..], input.Barcode);
    }
}

using System.Diagnostics;
using KycOcr.Core.Preprocessing;
using KycOcr.Core.Storage;
using KycOcr.Core.Telemetry;
using Microsoft.DurableTask;

namespace KycOcr.Core.Jobs;

/// <summary>
/// Reads the upload, reads its MRZ, runs the quality gate and deskew, and stores the model-ready JPEG beside it, with
/// the portrait's crop when the job keeps one. Only the portrait's box goes back into the orchestration's history.
/// </summary>
public sealed class PreprocessActivity(BlobJobStore store, IImagePreprocessor preprocessor)
    : TaskActivity<PreprocessInput, PreprocessOutcome>
{
    public override Task<PreprocessOutcome> RunAsync(TaskActivityContext context, PreprocessInput input) =>
        KycOcrTelemetry.TraceAsync("preprocess", input.TaskId, () => PrepareAsync(input), o => (o as PreprocessOutcome.Refused)?.Error.Code ?? "ok");

    private async Task<PreprocessOutcome> PrepareAsync(PreprocessInput input)
    {
        var stopwatch = Stopwatch.StartNew();
        var upload = await store.ReadAsync(input.UploadBlobName);
        if (upload is null)
        {
            // Erased while queued: nothing to read, and nothing for the customer to fix.
            return new PreprocessOutcome.Refused(
                new ApiError("The upload no longer exists; the job was cancelled.", ErrorCodes.JobCancelled), stopwatch.ElapsedMilliseconds);
        }

        switch (preprocessor.Prepare(upload.ToArray()))
        {
            case PreparedImage.Accepted accepted:
                var imageBlob = BlobJobStore.PreprocessedBlobName(input.TaskId, input.Page);
                await store.SaveAsync(imageBlob, BinaryData.FromBytes(accepted.Jpeg), "image/jpeg");
                if (input.StorePortrait && accepted.Portrait is { } portrait)
                    await store.SaveAsync(BlobJobStore.PortraitBlobName(input.TaskId, input.Page), BinaryData.FromBytes(portrait.Jpeg), "image/jpeg");
                return new PreprocessOutcome.Prepared(imageBlob, accepted.Quality, accepted.Mrz, stopwatch.ElapsedMilliseconds, accepted.Portrait?.Box, accepted.Barcode);
            case PreparedImage.Refused refused:
                return new PreprocessOutcome.Refused(refused.Error, stopwatch.ElapsedMilliseconds);
            default:
                throw new InvalidOperationException("The preprocessor gave neither an image nor a refusal.");
        }
    }
}

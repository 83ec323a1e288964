using System.Diagnostics;
using System.Text.Json;
using KycOcr.Core.Extraction;
using KycOcr.Core.Mrz;
using KycOcr.Core.Storage;
using KycOcr.Core.Telemetry;
using Microsoft.DurableTask;

namespace KycOcr.Core.Jobs;

/// <summary>
/// Reads the preprocessed image and asks the configured extractor for the document's fields.
/// Final failures are returned; transient ones are thrown so the orchestration's retry policy sees them.
/// </summary>
public sealed class ExtractActivity(BlobJobStore store, IDocumentExtractor extractor)
    : TaskActivity<ExtractInput, ExtractOutcome>
{
    public override Task<ExtractOutcome> RunAsync(TaskActivityContext context, ExtractInput input) =>
        KycOcrTelemetry.TraceAsync("extract", input.TaskId, () => ExtractAsync(input), o => o.Error?.Code ?? "ok");

    private async Task<ExtractOutcome> ExtractAsync(ExtractInput input)
    {
        var image = await store.ReadAsync(input.ImageBlobName);
        if (image is null)
            return new ExtractOutcome(null, new ApiError("The upload no longer exists; the job was cancelled.", ErrorCodes.JobCancelled));

        var stopwatch = Stopwatch.StartNew();
        var mrz = input.Mrz is { } json ? MrzReading.FromJson(json) : MrzReading.NotFound("the MRZ was not read");
        ExtractedDocument document;
        try
        {
            document = await extractor.ExtractAsync(new PreparedDocument(image.ToMemory(), mrz), CancellationToken.None);
        }
        catch (FinalExtractionException e)
        {
            return new ExtractOutcome(null, new ApiError(e.Message, e.Code));
        }
        catch (DocumentRejectedException e)
        {
            // What was learnt goes back with the refusal, so the client can tell the user what to change.
            return new ExtractOutcome(null, e.ToApiError(input.Quality, mrz));
        }

        var result = DocumentResult.From(input.TaskId, document, input.Quality,
            new Dictionary<string, long>
            {
                ["preprocessing"] = input.PreprocessingMs,
                ["extraction"] = stopwatch.ElapsedMilliseconds,
            });
        return new ExtractOutcome(JsonSerializer.SerializeToElement(result, KycJson.Options), null);
    }
}

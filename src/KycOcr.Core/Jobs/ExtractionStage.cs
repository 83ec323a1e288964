using System.Diagnostics;
using System.Text.Json;
using KycOcr.Core.Extraction;
using KycOcr.Core.Mrz;

namespace KycOcr.Core.Jobs;

/// <summary>
/// The extract stage without a host: the prepared image and what preprocessing learnt in; the 200 body, or the
/// job's final error, out. <see cref="ExtractActivity"/> runs it on the stored image, <c>kycocr extract</c> on the
/// image it has just prepared. Transient failures are thrown, for the orchestration's retries.
/// </summary>
public sealed class ExtractionStage(IDocumentExtractor extractor)
{
    /// <param name="quality">The quality report, as the result carries it.</param>
    /// <param name="mrz">The MRZ as preprocessing read it (found or not); null when it was not read.</param>
    public async Task<ExtractOutcome> RunAsync(string taskId, ReadOnlyMemory<byte> image, JsonElement? quality, JsonElement? mrz,
        long preprocessingMs, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var reading = mrz is { } json ? MrzReading.FromJson(json) : MrzReading.NotFound("the MRZ was not read");
        ExtractedDocument document;
        try
        {
            document = await extractor.ExtractAsync(new PreparedDocument(image, reading), cancellationToken);
        }
        catch (FinalExtractionException e)
        {
            return new ExtractOutcome(null, new ApiError(e.Message, e.Code));
        }
        catch (DocumentRejectedException e)
        {
            // What was learnt goes back with the refusal, so the client can tell the user what to change.
            return new ExtractOutcome(null, e.ToApiError(quality, reading));
        }

        var result = DocumentResult.From(taskId, document, quality, new Dictionary<string, long>
        {
            ["preprocessing"] = preprocessingMs,
            ["extraction"] = stopwatch.ElapsedMilliseconds,
        });
        return new ExtractOutcome(JsonSerializer.SerializeToElement(result, KycJson.Options), null);
    }
}

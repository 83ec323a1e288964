using System.Diagnostics;
using KycOcr.Core.Barcodes;
using KycOcr.Core.Extraction;
using KycOcr.Core.Mrz;

namespace KycOcr.Core.Jobs;

/// <summary>
/// The extract stage without a host: the prepared image and the MRZ preprocessing read in; what the extractor read,
/// or why it could not, out. <see cref="ExtractActivity"/> runs it on the stored image, <c>kycocr extract</c> on the
/// image it has just prepared; <see cref="JobResult"/> makes either into the job's outcome. Transient failures are
/// thrown, for the orchestration's retries.
/// </summary>
public sealed class ExtractionStage(IDocumentExtractor extractor)
{
    /// <param name="otherImages">The job's other accepted pages, for an extractor that reads them all.</param>
    /// <param name="barcode">The page's AAMVA barcode, when it has one.</param>
    public async Task<ExtractOutcome> RunAsync(ReadOnlyMemory<byte> image, MrzReading mrz, IReadOnlyList<ReadOnlyMemory<byte>>? otherImages = null,
        BarcodeReading? barcode = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var document = await extractor.ExtractAsync(new PreparedDocument(image, mrz) { OtherJpegs = otherImages ?? [], Barcode = barcode }, cancellationToken);
            return new ExtractOutcome.Extracted(document, stopwatch.ElapsedMilliseconds);
        }
        catch (FinalExtractionException e)
        {
            return new ExtractOutcome.Failed(new ApiError(e.Message, e.Code));
        }
        catch (DocumentRejectedException e)
        {
            return new ExtractOutcome.Refused(e.ToApiError(mrz));
        }
    }
}

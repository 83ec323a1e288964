using KycOcr.Core.Barcodes;
using KycOcr.Core.Extraction;
using KycOcr.Core.Quality;

namespace KycOcr.Core.Jobs;

/// <summary>The one place a job's outcome is assembled from its stages' outputs, for the orchestration and the CLI.</summary>
public static class JobResult
{
    /// <param name="quality">The quality report of the page the fields were read from.</param>
    /// <param name="preprocessingMs">How long preprocessing took (its longest page), reported under <c>timings_ms</c>.</param>
    /// <param name="pages">What each page gave: in a result always, in an error when the job had several pages.</param>
    /// <param name="imagePages">The job's page (from 1) of each image the extractor was given, in that order: the first
    /// is the page the fields were read from, whose MRZ or barcode it is. One page by default.</param>
    public static JobOutcome Of(string taskId, QualitySummary quality, long preprocessingMs, ExtractOutcome extracted, IReadOnlyList<PageReport> pages,
        IReadOnlyList<int>? imagePages = null) => extracted switch
    {
        ExtractOutcome.Extracted read => new JobOutcome.Succeeded(DocumentResult.From(taskId, read.Document with
            {
                Fields = read.Document.Fields.WithPages(field => PageOf(field, imagePages ?? [1])),
            }, quality,
            new Dictionary<string, long> { ["preprocessing"] = preprocessingMs, ["extraction"] = read.ElapsedMs }, pages)),
        // What was learnt goes back with the refusal, so the client can tell the user what to change.
        ExtractOutcome.Refused refused => Ended(refused.Error with { Quality = quality }, pages),
        ExtractOutcome.Failed failed => Ended(failed.Error, pages),
        _ => throw new ArgumentOutOfRangeException(nameof(extracted), extracted.GetType().Name, "Not an extract outcome."),
    };

    // The MRZ and the barcode are the first image's; a model names the image it read a field on (where it does).
    private static int? PageOf(FieldValue field, IReadOnlyList<int> imagePages) => field switch
    {
        { Source: OfflineMrzExtractor.Source or BarcodeReading.Source } => imagePages[0],
        { Page: { } image } => image <= imagePages.Count ? imagePages[image - 1] : null,
        _ => imagePages.Count == 1 ? imagePages[0] : null,
    };

    /// <summary>
    /// The job's pages as preprocessed, made into the outcome when none can be read: the first page's refusal, as a
    /// single upload's would be, with every page's report when there were several.
    /// </summary>
    public static JobOutcome.Ended Refused(IReadOnlyList<PreprocessOutcome> outcomes, IReadOnlyList<PageReport> pages) =>
        Ended(outcomes.OfType<PreprocessOutcome.Refused>().First().Error, pages);

    // A single page's error stays as it always was.
    private static JobOutcome.Ended Ended(ApiError error, IReadOnlyList<PageReport> pages) =>
        new(pages.Count > 1 ? error with { Pages = pages } : error);
}

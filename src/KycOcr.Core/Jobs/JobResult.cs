using KycOcr.Core.Extraction;
using KycOcr.Core.Quality;

namespace KycOcr.Core.Jobs;

/// <summary>The one place a job's outcome is assembled from its stages' outputs, for the orchestration and the CLI.</summary>
public static class JobResult
{
    /// <param name="quality">The quality report of the accepted upload.</param>
    /// <param name="preprocessingMs">How long preprocessing took, reported under <c>timings_ms</c>.</param>
    public static JobOutcome Of(string taskId, QualitySummary quality, long preprocessingMs, ExtractOutcome extracted) => extracted switch
    {
        ExtractOutcome.Extracted read => new JobOutcome.Succeeded(DocumentResult.From(taskId, read.Document, quality,
            new Dictionary<string, long> { ["preprocessing"] = preprocessingMs, ["extraction"] = read.ElapsedMs })),
        // What was learnt goes back with the refusal, so the client can tell the user what to change.
        ExtractOutcome.Refused refused => new JobOutcome.Ended(refused.Error with { Quality = quality }),
        ExtractOutcome.Failed failed => new JobOutcome.Ended(failed.Error),
        _ => throw new ArgumentOutOfRangeException(nameof(extracted), extracted.GetType().Name, "Not an extract outcome."),
    };
}

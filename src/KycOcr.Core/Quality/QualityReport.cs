using KycOcr.Core.Mrz.Reading;
using OpenCvSharp;

namespace KycOcr.Core.Quality;

/// <summary>The gate's verdict: every check, and where the document is, in the original photo's pixels.</summary>
public sealed record QualityReport(bool Accepted, IReadOnlyList<QualityCheck> Checks, DocumentDetection Document)
{
    public IEnumerable<QualityCheck> Failed => Checks.Where(c => !c.Passed);

    /// <summary>The checks that refused the photo (none when it was accepted).</summary>
    public IEnumerable<QualityCheck> Blocking => Checks.Where(c => c.Blocking);

    /// <summary>
    /// <c>{"accepted", "checks": [{"name", "score", "threshold", "passed", "hint"}], "document": {"found", "kind", "corners"}}</c>;
    /// the service puts it under <c>quality</c> and the CLI prints it.
    /// </summary>
    public QualitySummary ToSummary() => new(Accepted, Checks.Select(QualitySummary.Check.From).ToArray(), QualitySummary.Outline.From(Document));

    /// <summary>Only the checks that refused the photo, as a 422 body's <c>checks</c>.</summary>
    public IReadOnlyList<QualitySummary.Check> BlockingChecks() => Blocking.Select(QualitySummary.Check.From).ToArray();

    public static string KindName(DocumentShape shape) => shape switch
    {
        DocumentShape.IdCard => "id_card",
        DocumentShape.Passport => "passport",
        _ => "unknown",
    };
}

/// <summary>The report, the MRZ as read, and the upright, model-sized document (or the fitted frame when none was required).</summary>
public sealed class QualityOutcome(QualityReport report, Mat? upright, MrzImageAttempt mrz) : IDisposable
{
    public QualityReport Report { get; } = report;

    /// <summary>The MRZ read from the upload's best pixels, in the original's pixels (not found when it has none).</summary>
    public MrzImageAttempt Mrz { get; } = mrz;

    /// <summary>BGR, long side at most the requested size; null when the gate rejected the photo before warping.</summary>
    public Mat? Upright { get; } = upright;

    public void Dispose() => Upright?.Dispose();
}

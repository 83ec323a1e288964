using System.Text.Json;
using System.Text.Json.Serialization;
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
    public JsonElement ToJson() => JsonSerializer.SerializeToElement(ToWire(), KycJson.Options);

    /// <summary>Only the checks that refused the photo, as a 422 body's <c>checks</c>.</summary>
    public JsonElement BlockingChecksJson() => JsonSerializer.SerializeToElement(Blocking.Select(WireCheck.From).ToArray(), KycJson.Options);

    internal Wire ToWire() => new(Accepted, Checks.Select(WireCheck.From).ToArray(), WireDocument.From(Document));

    internal sealed record Wire(bool Accepted, WireCheck[] Checks, WireDocument Document);

    internal sealed record WireCheck(string Name, double Score, double Threshold, bool Passed, bool Blocking, string Hint)
    {
        public static WireCheck From(QualityCheck c) => new(c.Name, Round(c.Score), Round(c.Threshold), c.Passed, c.Blocking, c.Hint);
    }

    internal sealed record WireDocument(
        bool Found,
        string Kind,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double[][]? Corners)
    {
        public static WireDocument From(DocumentDetection d) => new(
            d.Found,
            KindName(d.Shape),
            d.Found ? d.Corners.Select(p => new[] { Math.Round(p.X, 1), Math.Round(p.Y, 1) }).ToArray() : null);
    }

    public static string KindName(DocumentShape shape) => shape switch
    {
        DocumentShape.IdCard => "id_card",
        DocumentShape.Passport => "passport",
        _ => "unknown",
    };

    // Four significant digits are plenty for a score and keep the JSON readable.
    private static double Round(double value) => value == 0 || double.IsNaN(value) || double.IsInfinity(value)
        ? 0
        : Math.Round(value, Math.Max(0, 3 - (int)Math.Floor(Math.Log10(Math.Abs(value)))));
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

using System.Text.Json.Serialization;

namespace KycOcr.Core.Quality;

/// <summary>
/// The quality report as a result and a 422 carry it (<c>quality</c>): every check with its score against its
/// threshold, and where the document is. Scores keep four significant digits, plenty for a score and readable.
/// </summary>
public sealed record QualitySummary(bool Accepted, IReadOnlyList<QualitySummary.Check> Checks, QualitySummary.Outline Document)
{
    /// <summary>One check: its score against its threshold, the hint a person can act on, and where it failed when that has a place.</summary>
    public sealed record Check(
        string Name, double Score, double Threshold, bool Passed, bool Blocking, string Hint,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] QualitySpot? Spot = null)
    {
        public static Check From(QualityCheck c) => new(c.Name, Round(c.Score), Round(c.Threshold), c.Passed, c.Blocking, c.Hint,
            c.Spot is { } s ? new QualitySpot(Math.Round(s.X, 1), Math.Round(s.Y, 1), Math.Round(s.Radius, 1)) : null);
    }

    /// <summary>Where the document was found, as corners in the original photo's pixels (null when not found).</summary>
    public sealed record Outline(
        bool Found,
        string Kind,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double[][]? Corners)
    {
        public static Outline From(DocumentDetection d) => new(
            d.Found,
            QualityReport.KindName(d.Shape),
            d.Found ? d.Corners.Select(p => new[] { Math.Round(p.X, 1), Math.Round(p.Y, 1) }).ToArray() : null);
    }

    private static double Round(double value) => value == 0 || double.IsNaN(value) || double.IsInfinity(value)
        ? 0
        : Math.Round(value, Math.Max(0, 3 - (int)Math.Floor(Math.Log10(Math.Abs(value)))));
}

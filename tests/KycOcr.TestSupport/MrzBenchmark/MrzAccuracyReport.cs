using System.Globalization;
using System.Text;
using KycOcr.Samples;

namespace KycOcr.TestSupport.MrzBenchmark;

/// <summary>Totals of an accuracy run, overall and per document kind.</summary>
public sealed record MrzAccuracyReport(IReadOnlyList<MrzAccuracyCase> Cases)
{
    public const double TargetExactShare = 0.95;

    public int Exact => Cases.Count(c => c.Exact);
    public int FalseValid => Cases.Count(c => c.FalseValid);
    public double ExactShare => Cases.Count == 0 ? 0 : (double)Exact / Cases.Count;
    public double MedianMilliseconds => Median(Cases.Select(c => c.Milliseconds));
    public bool TargetsMet => ExactShare >= TargetExactShare && FalseValid == 0;

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"mrz accuracy: {Exact}/{Cases.Count} exact ({ExactShare:P1}), {FalseValid} false-valid, median {MedianMilliseconds:0} ms/document — {(TargetsMet ? "targets met" : "TARGETS MISSED")}");

    public string Details()
    {
        var text = new StringBuilder();
        foreach (var group in Cases.GroupBy(c => (c.Kind, c.Degraded)).OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Degraded))
        {
            var cases = group.ToList();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{group.Key.Kind.WireName(),-13} {(group.Key.Degraded ? "degraded" : "clean   ")}  exact {cases.Count(c => c.Exact),3}/{cases.Count,-3} valid {cases.Count(c => c.Valid),3}  found {cases.Count(c => c.Found),3}  false-valid {cases.Count(c => c.FalseValid)}  median {Median(cases.Select(c => c.Milliseconds)):0} ms");
        }

        foreach (var miss in Cases.Where(c => !c.Exact))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  miss: {miss.Kind.WireName()} seed {miss.Seed} {(miss.Degraded ? "degraded" : "clean")} found={miss.Found} valid={miss.Valid} {miss.Mismatch}");
        }

        return text.ToString();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }
}

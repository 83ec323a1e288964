using System.Globalization;
using System.Text;
using KycOcr.Samples;
using static System.FormattableString;

namespace KycOcr.TestSupport.MrzBenchmark;

/// <summary>Totals of an accuracy run, overall and per document kind.</summary>
/// <param name="Path">How the documents reached the reader.</param>
public sealed record MrzAccuracyReport(IReadOnlyList<MrzAccuracyCase> Cases, MrzAccuracyPath Path = MrzAccuracyPath.Upright)
{
    /// <summary>Every document was photographed (and, on the default path, put through the quality gate).</summary>
    public bool Photographed => Path != MrzAccuracyPath.Upright;

    public const double TargetExactShare = 0.95;

    public int Exact => Cases.Count(c => c.Exact);
    public int FalseValid => Cases.Count(c => c.FalseValid);
    public int Rejected => Cases.Count(c => c.Rejected);
    public int FoundInvalid => Cases.Count(c => c.FoundInvalid);
    public int NotFound => Cases.Count(c => c.NotFound);

    /// <summary>Misses where the gate's corners were off (<see cref="MrzAccuracyCase.BadCrop"/>): the crop's fault more than the reader's.</summary>
    public int MissesWithBadCrop => Cases.Count(c => !c.Exact && c.BadCrop);
    public double ExactShare => Cases.Count == 0 ? 0 : (double)Exact / Cases.Count;
    public double MedianMilliseconds => Median(Cases.Select(c => c.Milliseconds));
    public double MedianReadMilliseconds => Median(Cases.Where(c => !c.Rejected).Select(c => c.ReadMilliseconds));
    public bool TargetsMet => ExactShare >= TargetExactShare && FalseValid == 0;

    public string Summary()
    {
        var path = Path switch
        {
            MrzAccuracyPath.Photographed => "photographed, through the quality gate",
            MrzAccuracyPath.TrueCorners => "photographed, cropped with the true corners",
            _ => "upright emulation",
        };
        var crops = Path == MrzAccuracyPath.Photographed ? Invariant($" ({MissesWithBadCrop} of the misses with the gate's corners > {MrzAccuracyCase.BadCropShare:P0} off)") : "";
        return Invariant($"mrz accuracy ({path}): {Exact}/{Cases.Count} exact ({ExactShare:P1}), {FalseValid} false-valid, ")
            + (Path == MrzAccuracyPath.Photographed ? Invariant($"{Rejected} rejected by the gate, ") : "")
            + Invariant($"{FoundInvalid} found but invalid, {NotFound} not found{crops}, ")
            + Invariant($"median {Timing(Cases)} ms/document — {(TargetsMet ? "targets met" : "TARGETS MISSED")}");
    }

    public string Details()
    {
        var text = new StringBuilder();
        foreach (var group in Cases.GroupBy(c => (c.Kind, c.Degraded)).OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Degraded))
        {
            var cases = group.ToList();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{group.Key.Kind.WireName(),-13} {(group.Key.Degraded ? "degraded" : "clean   ")}  exact {cases.Count(c => c.Exact),3}/{cases.Count,-3} "
                + $"rejected {cases.Count(c => c.Rejected),2}  found-invalid {cases.Count(c => c.FoundInvalid),2}  not-found {cases.Count(c => c.NotFound),2}  "
                + $"false-valid {cases.Count(c => c.FalseValid)}  median {Timing(cases)} ms");
        }

        foreach (var miss in Cases.Where(c => !c.Exact))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  miss: {miss.Kind.WireName()} seed {miss.Seed} {(miss.Degraded ? "degraded" : "clean")} rejected={miss.Rejected} found={miss.Found} valid={miss.Valid} "
                + $"{(miss.CropError is { } e ? $"corners off {e:P1} " : Photographed ? "no corners " : "")}{miss.Mismatch}");
        }

        return text.ToString();
    }

    /// <summary>"gate+read (read)" on the photographed paths (crop+read with true corners), the read alone otherwise; photos the gate rejected were never read.</summary>
    private string Timing(IReadOnlyCollection<MrzAccuracyCase> cases) => Photographed
        ? Invariant($"{Median(cases.Select(c => c.Milliseconds)):0} {(Path == MrzAccuracyPath.Photographed ? "gate" : "crop")}+read ({Median(cases.Where(c => !c.Rejected).Select(c => c.ReadMilliseconds)):0} read)")
        : Invariant($"{Median(cases.Select(c => c.ReadMilliseconds)):0}");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }
}

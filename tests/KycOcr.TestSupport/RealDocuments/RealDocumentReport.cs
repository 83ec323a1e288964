using System.Globalization;
using System.Text;

namespace KycOcr.TestSupport.RealDocuments;

/// <summary>What one path (the service over HTTP, or <c>kycocr mrz</c>) made of one image.</summary>
/// <param name="Lines">The MRZ lines as reported (the result's, or the 422's reading); empty when none was seen.</param>
/// <param name="Refusal">The error code when the image was refused (422), else null.</param>
public sealed record RealDocumentOutcome(RealDocument Document, bool Found, bool Valid, IReadOnlyList<string> Lines, string? Refusal, double Milliseconds)
{
    public bool Exact => Document.MrzLines is { } truth && Lines.SequenceEqual(truth);

    /// <summary>
    /// The right answer: a valid reading exactly as printed where the check digits hold; the exact reading refused
    /// as invalid where the specimen misprints them or is not an ICAO MRZ; no MRZ where there is none.
    /// </summary>
    public bool Right => Document.HasMrz switch
    {
        true when Document.ShouldBeValid => Valid && Exact,
        true => !Valid && Exact,
        false => !Found,
        null => Valid,
    };

    /// <summary>The worst outcome: a reading reported valid whose text is not what is printed.</summary>
    public bool ValidButWrong => Valid && Document.HasMrz is not null && !Exact;

    public bool FoundWithoutMrz => Document.HasMrz == false && Found;
}

/// <summary>The figures of one run over a <see cref="RealDocumentSet"/>.</summary>
public sealed record RealDocumentReport(string Path, IReadOnlyList<RealDocumentOutcome> Outcomes)
{
    public int WithMrz => Outcomes.Count(o => o.Document.HasMrz == true);

    public int Right => Outcomes.Count(o => o.Document.HasMrz == true && o.Right);

    public int Valid => Outcomes.Count(o => o.Valid);

    public int ValidButWrong => Outcomes.Count(o => o.ValidButWrong);

    public int FoundWithoutMrz => Outcomes.Count(o => o.FoundWithoutMrz);

    public bool HasTruth => Outcomes.Any(o => o.Document.HasMrz is not null);

    public double MedianMilliseconds => Median(Outcomes.Select(o => o.Milliseconds));

    public string Summary()
    {
        var summary = HasTruth
            ? $"{Path}: {Right}/{WithMrz} read right, {ValidButWrong} valid but wrong, MRZ found on {FoundWithoutMrz} of {Outcomes.Count - WithMrz} without one"
            : $"{Path}: {Valid}/{Outcomes.Count} valid, no truth";
        return summary + FormattableString.Invariant($", median {MedianMilliseconds:0} ms");
    }

    public string Details()
    {
        var text = new StringBuilder();
        if (HasTruth)
        {
            foreach (var group in Outcomes.Where(o => o.Document.HasMrz == true).GroupBy(o => o.Document.Format ?? "unknown").OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {group.Key}: {group.Count(o => o.Right)}/{group.Count()} right");
            }
        }

        foreach (var group in Outcomes.Where(o => o.Refusal is not null).GroupBy(o => o.Refusal!).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  refused {group.Key}: {group.Count()}");
        }

        return text.ToString();
    }

    /// <summary>One line per image: the verdict and, for a miss, what was read against what is printed.</summary>
    public static string Line(RealDocumentOutcome o)
    {
        var verdict = o.ValidButWrong ? "VALID-BUT-WRONG"
            : o.FoundWithoutMrz ? "FOUND-WITHOUT-MRZ"
            : o.Right ? "right"
            : o.Found ? (o.Valid ? "valid" : "misread") : "not-found";
        var line = FormattableString.Invariant($"{verdict,-17} {o.Milliseconds,6:0} ms  {o.Document.Name}");
        if (o.Refusal is not null)
            line += $"  [{o.Refusal}]";
        if (!o.Right || o.Document.HasMrz is null)
        {
            line += $"\n    read:    {string.Join(" | ", o.Lines)}";
            if (o.Document.MrzLines is { } truth)
                line += $"\n    printed: {string.Join(" | ", truth)}";
        }

        return line;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }
}

namespace KycOcr.Core.Quality;

/// <summary>One check of the gate: its score, the limit it was held to, and what to do when it fails.</summary>
/// <param name="Name">Stable name: resolution, document, blur, contrast, glare, darkness, overexposure, edge_density.</param>
/// <param name="Passed">The score is within its limit.</param>
/// <param name="Hint">Written for the customer; says how to take a better photo.</param>
/// <param name="Blocking">The check decided the verdict: it failed, and nothing read on the document overrules it.</param>
public sealed record QualityCheck(string Name, double Score, double Threshold, bool Passed, string Hint, bool Blocking = false)
{
    /// <summary>Where the failure is, for a failed check that has a place (the glare spot); else null.</summary>
    public QualitySpot? Spot { get; init; }
}

/// <summary>Stable names of the checks, in the order they are reported.</summary>
public static class QualityCheckNames
{
    public const string Resolution = "resolution";
    public const string Document = "document";
    public const string Blur = "blur";
    public const string Contrast = "contrast";
    public const string Glare = "glare";
    public const string Darkness = "darkness";
    public const string Overexposure = "overexposure";
    public const string EdgeDensity = "edge_density";
}

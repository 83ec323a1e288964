using KycOcr.Samples;

namespace KycOcr.TestSupport.MrzBenchmark;

/// <summary>The outcome for one generated document. <see cref="Mismatch"/> names the first wrong field, never its value.</summary>
public sealed record MrzAccuracyCase(DocumentKind Kind, int Seed, bool Degraded, bool Found, bool Valid, bool Exact, string? Mismatch, double Milliseconds)
{
    /// <summary>Reported valid, yet a field differs from the truth: the failure that must never happen.</summary>
    public bool FalseValid => Valid && !Exact;
}

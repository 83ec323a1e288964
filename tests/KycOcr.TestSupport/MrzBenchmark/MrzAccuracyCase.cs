using KycOcr.Samples;

namespace KycOcr.TestSupport.MrzBenchmark;

/// <summary>
/// The outcome for one generated document. <see cref="Mismatch"/> names the first wrong field (or the failed gate
/// checks), never a value. <see cref="Milliseconds"/> is gate and read together (the read alone on the upright
/// path); <see cref="ReadMilliseconds"/> is the MRZ read alone, decoding the stored JPEG included.
/// <see cref="CropError"/> (photographed path, document found) is <see cref="MrzAccuracyCrop.Error"/>.
/// </summary>
public sealed record MrzAccuracyCase(
    DocumentKind Kind,
    int Seed,
    bool Degraded,
    bool Rejected,
    bool Found,
    bool Valid,
    bool Exact,
    string? Mismatch,
    double Milliseconds,
    double ReadMilliseconds,
    double? CropError = null)
{
    /// <summary>A found corner more than this share of the document's long side from the true one is a bad crop.</summary>
    public const double BadCropShare = 0.02;

    /// <summary>Reported valid, yet a field differs from the truth: the failure that must never happen.</summary>
    public bool FalseValid => Valid && !Exact;

    /// <summary>An MRZ was seen but not vouched for (a check digit failed, or an uncertain cell was refused).</summary>
    public bool FoundInvalid => !Rejected && Found && !Valid;

    /// <summary>The gate let the photo through, but no MRZ band was seen in the document.</summary>
    public bool NotFound => !Rejected && !Found;

    public bool BadCrop => CropError is > BadCropShare;
}

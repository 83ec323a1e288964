using KycOcr.Samples;

namespace KycOcr.TestSupport.Images;

/// <summary>Generated document photos for tests whose jobs must pass (or fail) the quality gate.</summary>
public static class DocumentPhotos
{
    private static readonly Lazy<byte[]> _good = new(() => SyntheticDocumentGenerator.SpecimenPhoto(DocumentKind.PassportTd3, 11).Bytes);
    private static readonly Lazy<byte[]> _blurry = new(() => SyntheticDocumentGenerator.Generate(
        SyntheticDocumentGenerator.SpecimenSpec(DocumentKind.PassportTd3, 11) with { Degradations = new Degradations { GaussianBlurSigma = 9 } }).Bytes);

    /// <summary>A sharp, well-lit 1600x1200 JPEG of a passport data page that passes every preset.</summary>
    public static byte[] Good() => _good.Value;

    /// <summary>
    /// The same photo, blurred so the gate rejects it: beyond what the MRZ reader still reads (a clearly read MRZ
    /// overrules the blur check, and it reads through σ 4).
    /// </summary>
    public static byte[] Blurry() => _blurry.Value;
}

using KycOcr.Samples;

namespace KycOcr.TestSupport.Quality;

/// <summary>
/// The labelled set the quality presets are calibrated on: good photos (plain and busy backgrounds,
/// glare on the background only) and bad ones (blurred, dark, overexposed, glare on the document, no
/// document, tiny) at three camera sizes. Degradations scale with the frame, so a blurred 12 MP photo is
/// as blurred, at the document's size, as a blurred 1 MP one. Fixed seeds: the same set every run.
/// </summary>
public static class QualitySamples
{
    public static IReadOnlyList<(int Width, int Height)> CameraSizes { get; } = [(4032, 3024), (1600, 1200), (1024, 768)];

    public static IReadOnlyList<QualitySample> All() =>
        CameraSizes.SelectMany(size => AtSize(size.Width, size.Height)).Append(Tiny()).ToArray();

    public static IEnumerable<QualitySample> AtSize(int width, int height)
    {
        var at = $"@{width}x{height}";
        // Blur in frame pixels grows with the frame so it is the same at the document's size.
        var unit = Math.Max(width, height) / 1600.0;
        var seed = 7000 + width;
        DocumentPhotoSpec Spec(int n, DocumentKind kind, BackgroundKind background, Degradations degradations, double rotation = 6) => new()
        {
            Seed = seed + n,
            Kind = kind,
            FrameWidth = width,
            FrameHeight = height,
            Background = background,
            Coverage = 0.55,
            RotationDegrees = rotation,
            Keystone = 0.04,
            Degradations = degradations,
        };

        yield return new("sharp" + at, Spec(1, DocumentKind.IdCardTd1, BackgroundKind.Plain, Degradations.None), QualityExpectation.AcceptedByAll, null);
        yield return new("sharp_busy_passport" + at, Spec(2, DocumentKind.PassportTd3, BackgroundKind.Busy, Degradations.None, -18), QualityExpectation.AcceptedByAll, null);
        yield return new("glare_on_background" + at, Spec(3, DocumentKind.IdCardTd1, BackgroundKind.NoisyTexture, new Degradations { GlareOnBackground = true }), QualityExpectation.AcceptedByAll, null);
        yield return new("blurred" + at, Spec(4, DocumentKind.IdCardTd1, BackgroundKind.Plain, new Degradations { GaussianBlurSigma = 3.0 * unit }), QualityExpectation.RejectedByAll, "blur");
        yield return new("motion_blurred" + at, Spec(5, DocumentKind.PassportTd3, BackgroundKind.NoisyTexture, new Degradations { MotionBlurLength = (int)Math.Round(24 * unit), MotionBlurAngleDegrees = 20 }), QualityExpectation.RejectedByAll, "blur");
        yield return new("dark" + at, Spec(6, DocumentKind.IdCardTd1, BackgroundKind.Plain, new Degradations { Darkness = 0.78 }), QualityExpectation.RejectedByAll, "darkness");
        yield return new("overexposed" + at, Spec(7, DocumentKind.PassportTd3, BackgroundKind.Plain, new Degradations { Overexposure = 0.95 }), QualityExpectation.RejectedByAll, "overexposure");
        yield return new("glare_on_document" + at, Spec(8, DocumentKind.IdCardTd1, BackgroundKind.Plain, new Degradations { GlareOnDocument = true }), QualityExpectation.RejectedByAll, "glare");
        yield return new("no_document" + at, Spec(9, DocumentKind.IdCardTd1, BackgroundKind.NoisyTexture, new Degradations { NoDocument = true }), QualityExpectation.RejectedByAll, "document");
    }

    /// <summary>A 320x240 frame: too few pixels on the document for any preset.</summary>
    // Small enough that no one reads it: the MRZ's glyphs stand about 4 px tall. (At a coverage of 0.55 they stood
    // near 8 px, which the MRZ reader reads, so the photo was no longer a resolution failure.)
    public static QualitySample Tiny() => new("tiny@320x240", new DocumentPhotoSpec
    {
        Seed = 7999,
        Kind = DocumentKind.IdCardTd1,
        Coverage = 0.2,
        RotationDegrees = 5,
        Degradations = new Degradations { Tiny = true },
    }, QualityExpectation.RejectedByAll, "resolution");
}

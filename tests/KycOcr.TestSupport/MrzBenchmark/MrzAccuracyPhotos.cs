using KycOcr.Samples;

namespace KycOcr.TestSupport.MrzBenchmark;

/// <summary>
/// The photos of the accuracy run: a document lying on a table, photographed as a customer would upload it,
/// all drawn from the seed. Clean photos may be turned and slightly keystoned; degraded ones are mildly turned
/// (the generator then drops the keystone) and carry JPEG artefacts, sensor noise and slight blur.
/// </summary>
public static class MrzAccuracyPhotos
{
    private static readonly BackgroundKind[] _backgrounds = [BackgroundKind.Plain, BackgroundKind.NoisyTexture];

    /// <summary>The photo's size unless a run asks for another: a mid-range phone's output, downsized by its app.</summary>
    public static readonly OpenCvSharp.Size DefaultFrame = new(1600, 1200);

    /// <param name="harsh">Degrade beyond the mild range (JPEG 40–70, noise σ ≤ 12, blur σ ≤ 2) to see how the pipeline fails.</param>
    /// <param name="frame">The photo's size (<see cref="DefaultFrame"/> when null); the scene scales with it.</param>
    public static DocumentPhotoSpec Spec(DocumentKind kind, int seed, bool degraded, bool harsh = false, OpenCvSharp.Size? frame = null)
    {
        var rng = SeedStreams.Create(seed, "mrz-accuracy-photo");
        var spec = new DocumentPhotoSpec
        {
            Seed = seed,
            Kind = kind,
            FrameWidth = (frame ?? DefaultFrame).Width,
            FrameHeight = (frame ?? DefaultFrame).Height,
            Background = rng.Pick(_backgrounds),
            Coverage = rng.Uniform(0.5, 0.7),
            RotationDegrees = rng.Uniform(-15, 15),
            Keystone = rng.Uniform(0, 0.04),
            Format = PhotoFormat.Jpeg,
            // Printed as real zones are, in several cuts and ink weights, some over a pattern.
            MrzPrint = MrzPrint.For(seed),
        };
        if (!degraded)
        {
            return spec;
        }

        return spec with
        {
            Degradations = new Degradations
            {
                MildRotationDegrees = rng.Uniform(-5, 5),
                JpegQuality = harsh ? rng.Next(40, 71) : rng.Next(60, 86),
                NoiseSigma = rng.Uniform(0, harsh ? 12 : 6),
                GaussianBlurSigma = rng.Uniform(0, harsh ? 2 : 1),
            },
        };
    }
}

using KycOcr.Samples;

namespace KycOcr.TestSupport.Documents;

/// <summary>
/// What survives of a photo after the quality gate has found the document and warped it upright:
/// a small residual rotation, possibly 180° (the gate cannot tell), blur, sensor noise, JPEG artefacts.
/// Blur and noise are in working-size pixels.
/// </summary>
public sealed record UprightDegradation
{
    public static UprightDegradation None { get; } = new();

    public double RotationDegrees { get; init; }
    public bool UpsideDown { get; init; }
    public double BlurSigma { get; init; }
    public double NoiseSigma { get; init; }

    /// <summary>Null: lossless (PNG-like) image.</summary>
    public int? JpegQuality { get; init; }

    /// <summary>Mild degradations drawn from the seed: rotation ≤ 5°, JPEG q 60–85, noise σ ≤ 6, blur σ ≤ 1.</summary>
    public static UprightDegradation Mild(int seed) =>
        Draw(SeedStreams.Create(seed, "upright-degradation"), maxBlur: 1, maxNoise: 6, jpegQuality: (60, 85));

    /// <summary>Beyond the mild range, to probe how the reader fails: rotation ≤ 5°, JPEG q 40–70, noise σ ≤ 12, blur σ ≤ 2.</summary>
    public static UprightDegradation Harsh(int seed) =>
        Draw(SeedStreams.Create(seed, "upright-degradation-harsh"), maxBlur: 2, maxNoise: 12, jpegQuality: (40, 70));

    private static UprightDegradation Draw(Random rng, double maxBlur, double maxNoise, (int Min, int Max) jpegQuality) => new()
    {
        RotationDegrees = rng.Uniform(-5, 5),
        BlurSigma = rng.Uniform(0, maxBlur),
        NoiseSigma = rng.Uniform(0, maxNoise),
        JpegQuality = rng.Next(jpegQuality.Min, jpegQuality.Max + 1),
    };
}

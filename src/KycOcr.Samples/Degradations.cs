namespace KycOcr.Samples;

/// <summary>Image degradations, each off by default and freely combinable.</summary>
public sealed record Degradations
{
    public static Degradations None { get; } = new();

    /// <summary>Gaussian blur sigma in frame pixels; 0 = off.</summary>
    public double GaussianBlurSigma { get; init; }

    /// <summary>Motion-blur streak length in frame pixels; 0 = off.</summary>
    public int MotionBlurLength { get; init; }

    public double MotionBlurAngleDegrees { get; init; }

    /// <summary>Share of brightness removed, 0 = off … 0.9 (10 % of the light left).</summary>
    public double Darkness { get; init; }

    /// <summary>Overexposure strength, 0 = off … 1 (strong gain, highlights clip).</summary>
    public double Overexposure { get; init; }

    /// <summary>A bright saturated ellipse on the document.</summary>
    public bool GlareOnDocument { get; init; }

    /// <summary>A glare spot on the background only; never touches a document pixel.</summary>
    public bool GlareOnBackground { get; init; }

    /// <summary>Sensor noise standard deviation in grey levels; 0 = off.</summary>
    public double NoiseSigma { get; init; }

    /// <summary>JPEG quality 1–100; null = 92. With PNG output a set quality is applied by a JPEG round trip.</summary>
    public int? JpegQuality { get; init; }

    /// <summary>Forces a 320 × 240 frame (240 × 320 for a portrait spec).</summary>
    public bool Tiny { get; init; }

    /// <summary>Background only: no document in the frame.</summary>
    public bool NoDocument { get; init; }

    /// <summary>When set (|value| ≤ 5), replaces the spec's rotation and disables keystone: for MRZ-reader tests.</summary>
    public double? MildRotationDegrees { get; init; }

    /// <summary>Turns the document by a further 180°.</summary>
    public bool UpsideDown { get; init; }

    internal void Validate()
    {
        Require(GaussianBlurSigma is >= 0 and <= 50, nameof(GaussianBlurSigma), "0–50");
        Require(MotionBlurLength is >= 0 and <= 200, nameof(MotionBlurLength), "0–200");
        Require(Darkness is >= 0 and <= 0.9, nameof(Darkness), "0–0.9");
        Require(Overexposure is >= 0 and <= 1, nameof(Overexposure), "0–1");
        Require(NoiseSigma is >= 0 and <= 40, nameof(NoiseSigma), "0–40");
        Require(JpegQuality is null or (>= 1 and <= 100), nameof(JpegQuality), "1–100");
        Require(MildRotationDegrees is null or (>= -5 and <= 5), nameof(MildRotationDegrees), "−5–5");
        if (NoDocument && GlareOnDocument)
        {
            throw new ArgumentException("GlareOnDocument needs a document; it cannot be combined with NoDocument.");
        }
    }

    private static void Require(bool ok, string name, string range)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, $"{name} must be in {range}.");
        }
    }
}

namespace KycOcr.Samples;

/// <summary>What a reader should find in the photo. Serialise with <see cref="GroundTruthJson"/> (snake_case).</summary>
public sealed record DocumentGroundTruth
{
    public required DocumentKind Kind { get; init; }
    public required int Seed { get; init; }

    /// <summary>False for a background-only photo: then the MRZ lines are empty and holder and corners are null.</summary>
    public required bool DocumentPresent { get; init; }

    public required IReadOnlyList<string> MrzLines { get; init; }
    public MrzHolderFields? Holder { get; init; }

    /// <summary>True when the names in the MRZ are cut short of the printed names.</summary>
    public bool NameTruncated { get; init; }

    /// <summary>The document's own TL, TR, BR, BL corners in frame pixels, wherever they land; null without a document.</summary>
    public IReadOnlyList<FramePoint>? Corners { get; init; }

    public int FrameWidth { get; init; }
    public int FrameHeight { get; init; }

    /// <summary>Rotation actually applied, counter-clockwise, including 180 for upside-down.</summary>
    public double RotationDegrees { get; init; }

    /// <summary>Keystone actually applied (0 with mild rotation).</summary>
    public double Keystone { get; init; }

    /// <summary>Share of the frame the document quadrilateral covers.</summary>
    public double Coverage { get; init; }

    /// <summary>Tags like "gaussian_blur=2", "glare_document", "tiny"; empty for a clean photo.</summary>
    public IReadOnlyList<string> Degradations { get; init; } = [];
}

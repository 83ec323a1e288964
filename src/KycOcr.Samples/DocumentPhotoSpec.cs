namespace KycOcr.Samples;

/// <summary>Everything that determines one synthetic photo; the same spec always gives the same bytes.</summary>
public sealed record DocumentPhotoSpec
{
    public int Seed { get; init; }
    public DocumentKind Kind { get; init; } = DocumentKind.IdCardTd1;
    public int FrameWidth { get; init; } = 1600;
    public int FrameHeight { get; init; } = 1200;
    public BackgroundKind Background { get; init; } = BackgroundKind.Plain;

    /// <summary>Share of the frame area the document should cover (0.02–0.9); reduced if it would not fit.</summary>
    public double Coverage { get; init; } = 0.5;

    /// <summary>Counter-clockwise as seen in the image, −30 … 30.</summary>
    public double RotationDegrees { get; init; }

    /// <summary>Perspective: largest random corner displacement as a share of the document's short side, 0 … 0.2.</summary>
    public double Keystone { get; init; }

    public Degradations Degradations { get; init; } = Degradations.None;

    /// <summary>How the MRZ is printed; null prints the font file's glyphs on a clear zone.</summary>
    public MrzPrint? MrzPrint { get; init; }

    public PhotoFormat Format { get; init; } = PhotoFormat.Jpeg;

    /// <summary>The side of the card photographed; the same seed's front and back are one holder's.</summary>
    public CardSide Side { get; init; } = CardSide.Both;

    internal void Validate()
    {
        if (FrameWidth is < 64 or > 8192 || FrameHeight is < 64 or > 8192)
        {
            throw new ArgumentOutOfRangeException(nameof(FrameWidth), $"Frame {FrameWidth}×{FrameHeight} must be 64–8192 pixels per side.");
        }

        if (Coverage is < 0.02 or > 0.9)
        {
            throw new ArgumentOutOfRangeException(nameof(Coverage), "Coverage must be in 0.02–0.9.");
        }

        if (RotationDegrees is < -30 or > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(RotationDegrees), "Rotation must be in −30…30 degrees (use Degradations.UpsideDown for 180°).");
        }

        if (Keystone is < 0 or > 0.2)
        {
            throw new ArgumentOutOfRangeException(nameof(Keystone), "Keystone must be in 0–0.2.");
        }

        ArgumentNullException.ThrowIfNull(Degradations);
        Degradations.Validate();
    }
}

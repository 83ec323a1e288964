using OpenCvSharp;

namespace KycOcr.Core.Mrz.Reading;

/// <summary>
/// A reading with how it was reached: the mean match score of the characters chosen, whether the band was read
/// turned 180°, and each cell's best and runner-up character (line by line, as printed, before parser corrections).
/// </summary>
public sealed record MrzImageAttempt(MrzReading Reading, double Score, bool UpsideDown, IReadOnlyList<IReadOnlyList<MrzCellReading>> Cells)
{
    /// <summary>How far to turn the image clockwise (0, 90, 180 or 270) for the MRZ to read upright.</summary>
    public int RotationDegrees { get; init; }

    /// <summary>The band's corners in the image's pixels, TL, TR, BR, BL as the zone reads upright; empty when none was found.</summary>
    public IReadOnlyList<Point2d> Band { get; init; } = [];

    /// <summary>
    /// Height of the zone's glyphs in the image's pixels (OCR-B's capitals stand as tall as their pitch, which the
    /// cells measure best); 0 when none was found.
    /// </summary>
    public double GlyphHeight { get; init; }

    /// <summary>The cells' pitch in the pixels of the strips read (see <see cref="MrzBandStrips"/>).</summary>
    internal double Pitch { get; init; }

    /// <summary>How far the glyphs sat from their cells (the worst line's median, in pitches): fixed-pitch print keeps it small.</summary>
    internal double CellResidual { get; init; }

    /// <summary>Cells read as a character their field does not allow (see <see cref="MrzCellScores.Outside"/>).</summary>
    public int OutsideCells { get; init; }

    /// <summary>The printed text the search saw, MRZ or not: how tall it is and how much of the image it spans.</summary>
    public MrzTextEvidence Text { get; init; } = MrzTextEvidence.None;

    internal static MrzImageAttempt NotFound(string reason) => new(MrzReading.NotFound(reason), 0, false, []);

    /// <summary>The same attempt in an image scaled by <paramref name="factor"/> (a reduced decode's reading in the original's pixels).</summary>
    public MrzImageAttempt Scaled(double factor) => this with
    {
        Band = Band.Select(p => new Point2d(p.X * factor, p.Y * factor)).ToArray(),
        GlyphHeight = GlyphHeight * factor,
        Text = Text.Scaled(factor),
    };
}

/// <summary>Lines of print found in an image, whatever they say.</summary>
/// <param name="Lines">How many text lines were seen (each at least five times longer than tall).</param>
/// <param name="Height">Their typical height (the upper quartile: values, not captions), in pixels; 0 with no lines.</param>
/// <param name="Bounds">The box that holds them all, in pixels.</param>
public sealed record MrzTextEvidence(int Lines, double Height, Rect2d Bounds)
{
    public static MrzTextEvidence None { get; } = new(0, 0, default);

    public MrzTextEvidence Scaled(double factor) =>
        this with { Height = Height * factor, Bounds = new Rect2d(Bounds.X * factor, Bounds.Y * factor, Bounds.Width * factor, Bounds.Height * factor) };
}

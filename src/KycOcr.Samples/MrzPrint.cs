namespace KycOcr.Samples;

/// <summary>
/// How a document's printer put its MRZ down: real zones come from many printers, in OCR-B cuts a little narrower
/// or wider than the font file, with ink that spreads, and some over a security pattern. Drawn from its own seed
/// stream, so the rest of a document's design does not move with it.
/// </summary>
/// <param name="SpreadMm">Extra stroke width (the font's strokes are about 0.3 mm).</param>
/// <param name="WidthScale">Glyph width against the font file's.</param>
/// <param name="PatternUnder">Fine guilloche lines run under the zone.</param>
public sealed record MrzPrint(double SpreadMm, double WidthScale, bool PatternUnder)
{
    /// <summary>The font file's glyphs on a clear zone: what every document gets unless its spec asks for a printer's.</summary>
    public static MrzPrint AsFont { get; } = new(0, 1, false);

    /// <summary>Share of documents with a pattern under the zone.</summary>
    private const double PatternShare = 0.3;

    /// <summary>A printer's way, drawn from <paramref name="seed"/>.</summary>
    public static MrzPrint For(int seed)
    {
        var rng = SeedStreams.Create(seed, "mrz-print");
        return new MrzPrint(rng.Uniform(0, 0.08), rng.Uniform(0.9, 1.06), rng.NextDouble() < PatternShare);
    }
}

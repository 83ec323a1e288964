namespace KycOcr.Core.Mrz.Reading;

/// <summary>One inked blob of a line (a glyph, usually), in strip coordinates.</summary>
internal readonly record struct MrzGlyphBox(double Left, double Right, double Top, double Bottom)
{
    public double CentreX => (Left + Right) / 2;
    public double Height => Bottom - Top;
    public double Width => Right - Left;

    public MrzGlyphBox Union(MrzGlyphBox other) =>
        new(Math.Min(Left, other.Left), Math.Max(Right, other.Right), Math.Min(Top, other.Top), Math.Max(Bottom, other.Bottom));
}

using SkiaSharp;

namespace KycOcr.Samples;

/// <summary>
/// Colours per kind. Left and right ends differ in hue on purpose: each corner of the
/// document then has its own colour, which lets tests tell the corners apart.
/// </summary>
internal sealed record DocumentPalette(SKColor HeaderLeft, SKColor HeaderRight, SKColor TintLeft, SKColor TintRight, SKColor Ink, SKColor Label)
{
    public static DocumentPalette For(DocumentKind kind)
    {
        var tintLeft = new SKColor(212, 228, 244);
        var tintRight = new SKColor(248, 228, 208);
        var ink = new SKColor(22, 22, 28);
        return kind switch
        {
            DocumentKind.IdCardTd1 => new(new SKColor(20, 45, 112), new SKColor(14, 118, 122), tintLeft, tintRight, ink, new SKColor(40, 70, 120)),
            DocumentKind.CardTd2 => new(new SKColor(118, 24, 52), new SKColor(206, 106, 34), tintLeft, tintRight, ink, new SKColor(110, 40, 60)),
            _ => new(new SKColor(24, 96, 60), new SKColor(72, 40, 132), tintLeft, tintRight, ink, new SKColor(40, 80, 70)),
        };
    }
}

using SkiaSharp;

namespace KycOcr.Samples;

/// <summary>Text drawing in millimetre units, sized by cap height rather than em size.</summary>
internal sealed class TextPainter
{
    private readonly SKTypeface _typeface;
    private readonly float _capRatio;
    private readonly float _digitRatio;

    public TextPainter(SKTypeface typeface)
    {
        _typeface = typeface;
        using var probe = new SKFont(typeface, 100f);
        float cap = probe.Metrics.CapHeight;
        if (cap <= 0)
        {
            // Fonts without an OS/2 cap height: measure an 'H' instead.
            probe.MeasureText("H", out var bounds);
            cap = bounds.Height;
        }

        _capRatio = cap / 100f;

        // OCR-B digits stand taller than its capitals; the MRZ height limit applies to them.
        probe.MeasureText("0", out var digit);
        _digitRatio = Math.Max(cap, digit.Height) / 100f;
    }

    /// <summary>Draws a line of text whose capitals are <paramref name="capMm"/> tall, condensed then shrunk to fit.</summary>
    public void Draw(SKCanvas canvas, string text, double xMm, double baselineMm, double capMm, double maxWidthMm, SKColor color)
    {
        using var font = NewFont(capMm);
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        float width = font.MeasureText(text);
        if (width > maxWidthMm)
        {
            // Condense first (as printers do), then reduce the size if even that is not enough.
            font.ScaleX = Math.Max(0.7f, (float)maxWidthMm / width);
            width = font.MeasureText(text);
            if (width > maxWidthMm)
            {
                font.Size *= (float)maxWidthMm / width;
            }
        }

        canvas.DrawText(text, (float)xMm, (float)baselineMm, SKTextAlign.Left, font, paint);
    }

    /// <summary>
    /// Draws each character centred in its own cell of fixed pitch, as OCR-B MRZ printing requires;
    /// the tallest glyphs (digits) are <paramref name="heightMm"/> tall.
    /// </summary>
    /// <param name="spreadMm">Ink spread: every stroke this much wider (0 prints the font as drawn).</param>
    /// <param name="widthScale">The printer's cut: narrower (below 1) or wider than the font file.</param>
    public void DrawMonospaced(SKCanvas canvas, string text, double leftMm, double baselineMm, double heightMm, double pitchMm, SKColor color,
        double spreadMm = 0, double widthScale = 1)
    {
        using var font = NewFont(heightMm * _capRatio / _digitRatio);
        font.ScaleX = (float)widthScale;
        using var paint = new SKPaint
        {
            Color = color,
            IsAntialias = true,
            Style = spreadMm > 0 ? SKPaintStyle.StrokeAndFill : SKPaintStyle.Fill,
            StrokeWidth = (float)spreadMm,
            StrokeJoin = SKStrokeJoin.Round,
        };
        for (int i = 0; i < text.Length; i++)
        {
            double centre = leftMm + (i + 0.5) * pitchMm;
            canvas.DrawText(text[i].ToString(), (float)centre, (float)baselineMm, SKTextAlign.Center, font, paint);
        }
    }

    private SKFont NewFont(double capMm) => new(_typeface, (float)(capMm / _capRatio))
    {
        Edging = SKFontEdging.Antialias,
        Hinting = SKFontHinting.None,
        Subpixel = true,
    };
}

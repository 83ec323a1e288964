using System.Collections.Concurrent;
using OpenCvSharp;
using SkiaSharp;

namespace KycOcr.Core.Mrz.Reading;

/// <summary>
/// OCR-B glyph templates rendered from the font file, one set per glyph size, built once and shared
/// by every thread. A template is one character cell: dark ink on white, glyph centred on its advance
/// and standing on the baseline, as MRZ printers place it.
/// </summary>
internal sealed class OcrBGlyphBank : IDisposable
{
    public const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";

    private readonly SKTypeface _typeface;
    private readonly float _digitRatio;
    private readonly ConcurrentDictionary<(GlyphStyle, double), Lazy<GlyphSet>> _sets = new();

    private OcrBGlyphBank(SKTypeface typeface)
    {
        _typeface = typeface;
        using var probe = new SKFont(typeface, 100f);
        probe.MeasureText("0", out var digit);
        _digitRatio = digit.Height / 100f;
    }

    /// <summary>Loads the font, checked in managed code first: a missing or broken file must not reach native code.</summary>
    public static OcrBGlyphBank Load(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new MrzFontUnavailableException(
                $"OCR-B font not found at '{path}': install the Debian package fonts-ocr-b or set OCRB_FONT_PATH to an OCR-B font file.");
        }

        var typeface = SKTypeface.FromFile(path)
            ?? throw new MrzFontUnavailableException($"'{path}' could not be read as a font: set OCRB_FONT_PATH to an OCR-B font file.");
        if (typeface.GlyphCount < Alphabet.Length)
        {
            typeface.Dispose();
            throw new MrzFontUnavailableException($"'{path}' lacks the MRZ characters: set OCRB_FONT_PATH to an OCR-B font file.");
        }

        return new OcrBGlyphBank(typeface);
    }

    /// <summary>
    /// Templates in <paramref name="style"/>, in cells of the given pitch. Styles are quantised (height to 1/2 px, blur
    /// to 0.1 px, width to 5 %, weight to 1 % of the height) so the cache stays small.
    /// </summary>
    public GlyphSet For(GlyphStyle style, double pitchPx)
    {
        var quantised = new GlyphStyle(
            Math.Round(style.Height * 2) / 2, Math.Round(style.Blur * 10) / 10, Math.Round(style.Width * 20) / 20, Math.Round(style.Weight * 100) / 100);
        var key = (quantised, Math.Round(pitchPx));
        if (_sets.Count >= MaxCachedSets)
        {
            // Bounded: a long-running service meets every size in time. Sets in use stay referenced by their readers;
            // the dropped ones' native templates are freed by their finalizers once no read holds them.
            _sets.Clear();
        }

        return _sets.GetOrAdd(key, k => new Lazy<GlyphSet>(() => Render(k.Item1, k.Item2))).Value;
    }

    /// <summary>Template sets kept (about 100 KB each): far more than the styles one document's reading tries.</summary>
    private const int MaxCachedSets = 256;

    private GlyphSet Render(GlyphStyle style, double pitch)
    {
        double digitHeight = style.Height;
        int width = Math.Max(6, (int)Math.Round(pitch));
        // Room above the tallest glyph and below the baseline for the '<' and blur.
        int top = Math.Max(2, (int)Math.Round(digitHeight * 0.15));
        int height = (int)Math.Round(digitHeight) + 2 * top;
        float baseline = (float)(top + digitHeight);
        using var font = new SKFont(_typeface, (float)(digitHeight / _digitRatio))
        {
            Edging = SKFontEdging.Antialias,
            Hinting = SKFontHinting.None,
            Subpixel = true,
            ScaleX = (float)style.Width,
        };
        // Weight: the outline stroked as well as filled spreads every stroke by the stroke's width, as heavy print does.
        using var paint = new SKPaint
        {
            Color = SKColors.Black,
            IsAntialias = true,
            Style = style.Weight > 0 ? SKPaintStyle.StrokeAndFill : SKPaintStyle.Fill,
            StrokeWidth = (float)(style.Weight * digitHeight),
        };
        var templates = new Mat[Alphabet.Length];
        var info = new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque);
        for (int i = 0; i < Alphabet.Length; i++)
        {
            using var bitmap = new SKBitmap(info);
            using (var canvas = new SKCanvas(bitmap))
            {
                canvas.Clear(SKColors.White);
                canvas.DrawText(Alphabet[i].ToString(), width / 2f, baseline, SKTextAlign.Center, font, paint);
            }

            var mat = new Mat(height, width, MatType.CV_8UC1);
            var bytes = bitmap.Bytes;
            // Gray8 rows may be padded; copy row by row.
            for (int y = 0; y < height; y++)
            {
                System.Runtime.InteropServices.Marshal.Copy(bytes, y * bitmap.RowBytes, mat.Ptr(y), width);
            }

            var blurred = new Mat();
            Cv2.GaussianBlur(mat, blurred, new Size(0, 0), style.Blur);
            mat.Dispose();
            templates[i] = blurred;
        }

        return new GlyphSet(templates, GlyphTemplatePixels.From(templates), width, height, top, baseline);
    }

    public void Dispose()
    {
        foreach (var set in _sets.Values.Where(s => s.IsValueCreated))
        {
            set.Value.Dispose();
        }

        _typeface.Dispose();
    }
}

/// <summary>How the print looks, as templates render it.</summary>
/// <param name="Height">Digit height, pixels.</param>
/// <param name="Blur">Softness: the Gaussian sigma, pixels.</param>
/// <param name="Width">Horizontal scale of the glyphs against the font's (condensed print below 1).</param>
/// <param name="Weight">Extra stroke width as a share of the height (heavy print above 0).</param>
internal sealed record GlyphStyle(double Height, double Blur, double Width = 1, double Weight = 0)
{
    /// <summary>The same style at <paramref name="factor"/> times the size.</summary>
    public GlyphStyle Scaled(double factor) => this with { Height = Height * factor, Blur = Blur * factor };
}

/// <summary>
/// One size of templates; <see cref="Top"/> is the rows above the tallest glyph, <see cref="Baseline"/> its foot;
/// <see cref="Pixels"/> the same templates laid out for managed correlation.
/// </summary>
internal sealed record GlyphSet(Mat[] Templates, GlyphTemplatePixels Pixels, int Width, int Height, int Top, float Baseline) : IDisposable
{
    public void Dispose()
    {
        foreach (var t in Templates)
        {
            t.Dispose();
        }
    }
}

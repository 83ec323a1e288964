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
    private readonly ConcurrentDictionary<(double, double, double), Lazy<GlyphSet>> _sets = new();

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
    /// Templates whose digits are <paramref name="digitHeightPx"/> tall in cells of the given pitch, softened by a
    /// Gaussian of <paramref name="blurPx"/>. Sizes are quantised (height to 1/2 px, blur to 0.1 px) so the cache
    /// stays small: the working size keeps glyph heights within a few dozen values.
    /// </summary>
    public GlyphSet For(double digitHeightPx, double pitchPx, double blurPx)
    {
        double height = Math.Round(digitHeightPx * 2) / 2;
        double pitch = Math.Round(pitchPx);
        double blur = Math.Round(blurPx * 10) / 10;
        var key = (height, pitch, blur);
        if (_sets.Count >= MaxCachedSets)
        {
            // Bounded: a long-running service meets every size in time. Sets in use stay referenced by their readers;
            // the dropped ones' native templates are freed by their finalizers once no read holds them.
            _sets.Clear();
        }

        return _sets.GetOrAdd(key, _ => new Lazy<GlyphSet>(() => Render(height, pitch, blur))).Value;
    }

    /// <summary>Template sets kept (about 100 KB each): far more than the sizes one document's reading tries.</summary>
    private const int MaxCachedSets = 256;

    private GlyphSet Render(double digitHeight, double pitch, double blur)
    {
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
        };
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
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
            Cv2.GaussianBlur(mat, blurred, new Size(0, 0), blur);
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

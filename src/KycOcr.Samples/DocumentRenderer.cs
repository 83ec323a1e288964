using System.Globalization;
using OpenCvSharp;
using SkiaSharp;

namespace KycOcr.Samples;

/// <summary>
/// Draws the flat, upright document. All coordinates are millimetres (the canvas is scaled),
/// so the same seed gives the same design at any resolution.
/// </summary>
internal static class DocumentRenderer
{
    private sealed record Cell(string Label, string Value, double Weight);

    public static RenderedDocument Render(
        DocumentLayout layout, HolderData holder, IReadOnlyList<string> mrzLines, double pixelsPerMm, int seed, MrzPrint print, CardSide side = CardSide.Both)
    {
        // Resolve the font before allocating native memory: a missing font then leaks nothing.
        var text = new TextPainter(OcrBFont.Default);
        int width = (int)Math.Round(layout.WidthMm * pixelsPerMm);
        int height = (int)Math.Round(layout.HeightMm * pixelsPerMm);
        var bgra = new Mat(height, width, MatType.CV_8UC4, Scalar.All(0));
        try
        {
            float sx = (float)(width / layout.WidthMm);
            float sy = (float)(height / layout.HeightMm);
            using (var surface = new MatCanvas(bgra))
            {
                var canvas = surface.Canvas;
                canvas.Scale(sx, sy);
                Draw(canvas, text, layout, holder, side == CardSide.Front ? [] : mrzLines, seed, print, SeedStreams.Create(seed, "decor"), side);
            }

            return new RenderedDocument(bgra, pixelsPerMm, layout, MrzRegionOf(layout, sx, sy));
        }
        catch
        {
            bgra.Dispose();
            throw;
        }
    }

    private static void Draw(
        SKCanvas canvas, TextPainter text, DocumentLayout layout, HolderData holder, IReadOnlyList<string> mrzLines, int seed, MrzPrint print, Random rng, CardSide side)
    {
        var palette = DocumentPalette.For(layout.Kind);
        float w = (float)layout.WidthMm;
        float h = (float)layout.HeightMm;
        float bandTop = (float)layout.MrzBandTopMm;
        float header = (float)layout.HeaderMm;

        float radius = (float)layout.CornerRadiusMm;
        canvas.ClipRoundRect(new SKRoundRect(new SKRect(0, 0, w, h), radius, radius), SKClipOperation.Intersect, antialias: true);

        using (var tint = new SKPaint())
        {
            tint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(w, 0), [palette.TintLeft, palette.TintRight], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, w, h, tint);
        }

        DrawGuilloche(canvas, new SKRect(0, header, w, bandTop), layout, palette, rng);

        // The MRZ clear zone: lighter, no pattern, so the OCR-B characters stand on a plain ground.
        using (var clear = new SKPaint { Color = new SKColor(255, 255, 255, 120) })
        {
            canvas.DrawRect(0, bandTop, w, h - bandTop, clear);
        }

        DrawHeader(canvas, text, layout, palette, holder);
        if (side == CardSide.Back)
        {
            // A back carries the zone and a few printed lines, no photo.
            text.Draw(canvas, "ISSUED BY THE SYNTHETIC DOCUMENT AUTHORITY", w * 0.06, header + (bandTop - header) * 0.35, (bandTop - header) * 0.08, w * 0.88, palette.Ink);
            text.Draw(canvas, $"NO. {holder.DocumentNumber} - SPECIMEN", w * 0.06, header + (bandTop - header) * 0.6, (bandTop - header) * 0.08, w * 0.88, palette.Ink);
        }
        else
        {
            DrawPortrait(canvas, text, layout, rng);
            double fieldsEnd = DrawFields(canvas, text, layout, palette, holder);
            DrawSignature(canvas, text, layout, palette, fieldsEnd, rng);
        }

        if (print.PatternUnder)
        {
            DrawMrzPattern(canvas, new SKRect(0, bandTop, w, h), palette, SeedStreams.Create(seed, "mrz-pattern"));
        }

        for (int i = 0; i < mrzLines.Count; i++)
        {
            text.DrawMonospaced(canvas, mrzLines[i], layout.MrzLeftMm, layout.MrzBaselineMm(i), DocumentLayout.MrzCharHeightMm, DocumentLayout.MrzPitchMm, palette.Ink,
                print.SpreadMm, print.WidthScale);
        }
    }

    /// <summary>Fine wavy lines through the MRZ zone, as some issuers print their security pattern under the zone too.</summary>
    private static void DrawMrzPattern(SKCanvas canvas, SKRect area, DocumentPalette palette, Random rng)
    {
        using var paint = new SKPaint
        {
            Style = SKPaintStyle.Stroke,
            StrokeWidth = (float)rng.Uniform(0.05, 0.1),
            IsAntialias = true,
            Color = palette.HeaderRight.WithAlpha((byte)rng.Next(30, 61)),
        };
        int waves = rng.Next(8, 15);
        double wavelength = rng.Uniform(6, 16);
        double amplitude = rng.Uniform(0.4, 1.2);
        DrawWaves(canvas, paint, area, waves, 0.3, (x, k) => amplitude * Math.Sin(2 * Math.PI * x / wavelength + k * 0.9));
    }

    private static void DrawGuilloche(SKCanvas canvas, SKRect area, DocumentLayout layout, DocumentPalette palette, Random rng)
    {
        // Clipped so no pattern reaches the MRZ clear zone.
        canvas.Save();
        canvas.ClipRect(area, SKClipOperation.Intersect, antialias: true);
        using var paint = new SKPaint
        {
            Style = SKPaintStyle.Stroke,
            StrokeWidth = 0.08f,
            IsAntialias = true,
            Color = palette.HeaderRight.WithAlpha(70),
        };

        int waves = rng.Next(14, 22);
        double wavelength = rng.Uniform(14, 26);
        double amplitude = rng.Uniform(1.5, 3.5);
        double drift = rng.Uniform(0.2, 0.5);
        DrawWaves(canvas, paint, area, waves, 0.4, (x, k) => amplitude * Math.Sin(2 * Math.PI * x / wavelength + k * drift)
            + 0.4 * amplitude * Math.Sin(2 * Math.PI * x / (wavelength * 0.37) - k * drift * 1.7));

        // A rosette in the field area, the classic security-print motif.
        paint.Color = palette.HeaderLeft.WithAlpha(55);
        var fields = layout.Fields;
        float cx = (float)rng.Uniform(fields.X + fields.Width * 0.5, fields.Right - fields.Height * 0.25);
        float cy = (float)(fields.Y + fields.Height * 0.5);
        float r = (float)(Math.Min(fields.Width, fields.Height) * rng.Uniform(0.3, 0.42));
        int lobes = rng.Next(9, 17);
        for (int copy = 0; copy < 6; copy++)
        {
            using var path = new SKPathBuilder();
            double phase = copy * Math.PI / (3 * lobes);
            for (int i = 0; i <= 720; i++)
            {
                double t = i * 2 * Math.PI / 720;
                PolarPoint(path, i, cx, cy, t, r * (0.72 + 0.28 * Math.Cos(lobes * t + phase)));
            }

            DrawBuilt(canvas, path, paint);
        }

        canvas.Restore();
    }

    /// <summary><paramref name="waves"/> wavy lines spaced evenly down <paramref name="area"/>, line k displaced by offset(x, k).</summary>
    private static void DrawWaves(SKCanvas canvas, SKPaint paint, SKRect area, int waves, double stepMm, Func<double, int, double> offset)
    {
        for (int k = 0; k < waves; k++)
        {
            using var path = new SKPathBuilder();
            double y0 = area.Top + (k + 0.5) * area.Height / waves;
            for (double x = area.Left; x <= area.Right + 0.5; x += stepMm)
            {
                float y = (float)(y0 + offset(x, k));
                if (x == area.Left)
                {
                    path.MoveTo(area.Left, y);
                }
                else
                {
                    path.LineTo((float)x, y);
                }
            }

            DrawBuilt(canvas, path, paint);
        }
    }

    /// <summary>Point <paramref name="i"/> of an outline traced round (cx, cy): the first starts the figure.</summary>
    private static void PolarPoint(SKPathBuilder path, int i, float cx, float cy, double angle, double radius)
    {
        float px = cx + (float)(radius * Math.Cos(angle));
        float py = cy + (float)(radius * Math.Sin(angle));
        if (i == 0)
        {
            path.MoveTo(px, py);
        }
        else
        {
            path.LineTo(px, py);
        }
    }

    private static void DrawHeader(SKCanvas canvas, TextPainter text, DocumentLayout layout, DocumentPalette palette, HolderData holder)
    {
        float w = (float)layout.WidthMm;
        float header = (float)layout.HeaderMm;
        using (var band = new SKPaint())
        {
            band.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(w, 0), [palette.HeaderLeft, palette.HeaderRight], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, w, header, band);
        }

        // Emblem: circle and star, geometric only; kept clear of the corner so the corner shows the band colour.
        float ex = header * 0.5f + 2.5f;
        float ey = header * 0.5f;
        float er = header * 0.36f;
        using (var emblem = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = header * 0.04f, IsAntialias = true, Color = SKColors.White.WithAlpha(220) })
        {
            canvas.DrawCircle(ex, ey, er, emblem);
            using var star = new SKPathBuilder();
            for (int i = 0; i < 10; i++)
            {
                double a = -Math.PI / 2 + i * Math.PI / 5;
                PolarPoint(star, i, ex, ey, a, i % 2 == 0 ? er * 0.78 : er * 0.32);
            }

            star.Close();
            emblem.Style = SKPaintStyle.Fill;
            DrawBuilt(canvas, star, emblem);
        }

        double titleX = ex + er + 2.0;
        double stateWidth = header * 1.6;
        double titleWidth = w - titleX - stateWidth - 6.0;
        text.Draw(canvas, layout.Title, titleX, header * 0.55, header * 0.32, titleWidth, SKColors.White);
        text.Draw(canvas, "SPECIMEN - SYNTHETIC TEST DOCUMENT", titleX, header * 0.86, header * 0.12, titleWidth, SKColors.White.WithAlpha(210));
        text.Draw(canvas, holder.IssuingState, w - 5.0 - stateWidth, header * 0.62, header * 0.34, stateWidth, SKColors.White);
    }

    private static void DrawPortrait(SKCanvas canvas, TextPainter text, DocumentLayout layout, Random rng)
    {
        var p = layout.Portrait;
        var rect = new SKRect((float)p.X, (float)p.Y, (float)p.Right, (float)p.Bottom);
        canvas.Save();
        canvas.ClipRect(rect, SKClipOperation.Intersect, antialias: true);

        byte shade = (byte)rng.Next(200, 230);
        using (var ground = new SKPaint())
        {
            ground.Shader = SKShader.CreateLinearGradient(
                new SKPoint(rect.Left, rect.Top), new SKPoint(rect.Left, rect.Bottom),
                [new SKColor(shade, (byte)(shade + 8), (byte)Math.Min(255, shade + 20)), new SKColor((byte)(shade - 30), (byte)(shade - 22), (byte)(shade - 10))],
                SKShaderTileMode.Clamp);
            canvas.DrawRect(rect, ground);
        }

        // An invented face, drawn as the shapes a face detector looks for: a bright face, darker eye sockets with
        // brows, a lighter nose bridge, a darker mouth, hair and shoulders. No real person's likeness.
        byte tone = (byte)rng.Next(95, 140);
        float cx = rect.MidX + (float)rng.Uniform(-0.05, 0.05) * rect.Width;
        DrawFace(canvas, rect, cx, Skins[tone % Skins.Length], Hairs[shade % Hairs.Length]);

        using var accent = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.25f, Color = new SKColor(255, 255, 255, 90) };
        for (int i = 0; i < 3; i++)
        {
            canvas.DrawCircle(rect.Left + (float)rng.NextDouble() * rect.Width, rect.Top + (float)rng.NextDouble() * rect.Height, rect.Width * (float)rng.Uniform(0.1, 0.3), accent);
        }

        canvas.Restore();

        using var frame = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.15f, Color = new SKColor(90, 90, 100) };
        canvas.DrawRect(rect, frame);
        text.Draw(canvas, "SPECIMEN", p.X + p.Width * 0.1, p.Bottom - p.Height * 0.06, p.Width * 0.09, p.Width * 0.8, new SKColor(200, 30, 30, 170));
    }

    private static readonly SKColor[] Skins = [new(215, 180, 150), new(175, 130, 100), new(125, 85, 60), new(235, 200, 170)];
    private static readonly SKColor[] Hairs = [new(60, 45, 40), new(25, 20, 20), new(90, 60, 40)];

    private static void DrawFace(SKCanvas canvas, SKRect rect, float cx, SKColor skin, SKColor hair)
    {
        float w = rect.Width, h = rect.Height;
        float faceY = rect.Top + h * 0.45f, faceW = w * 0.36f, faceH = h * 0.33f;
        using var paint = new SKPaint { IsAntialias = true };
        void Oval(float x, float y, float rx, float ry, SKColor color)
        {
            paint.Color = color;
            canvas.DrawOval(new SKPoint(x, y), new SKSize(rx, ry), paint);
        }
        static SKColor Shade(SKColor c, float f) =>
            new((byte)Math.Min(255, c.Red * f), (byte)Math.Min(255, c.Green * f), (byte)Math.Min(255, c.Blue * f));

        Oval(cx, rect.Top + h * 1.02f, w * 0.48f, h * 0.30f, new SKColor(55, 60, 70));
        paint.Color = Shade(skin, 0.8f);
        canvas.DrawRect(cx - faceW * 0.45f, faceY, faceW * 0.9f, rect.Top + h * 0.82f - faceY, paint);
        Oval(cx, faceY - faceH * 0.15f, faceW * 1.12f, faceH * 1.08f, hair);
        Oval(cx, faceY + faceH * 0.08f, faceW, faceH, skin);
        float eyeY = faceY - faceH * 0.12f;
        foreach (var side in new[] { -1f, 1f })
        {
            float eyeX = cx + side * faceW * 0.42f;
            Oval(eyeX, eyeY - faceH * 0.04f, faceW * 0.30f, faceH * 0.17f, Shade(skin, 0.72f));
            Oval(eyeX, eyeY - faceH * 0.22f, faceW * 0.28f, faceH * 0.05f, hair);
            Oval(eyeX, eyeY, faceW * 0.17f, faceH * 0.065f, new SKColor(195, 190, 190));
            Oval(eyeX, eyeY, faceH * 0.06f, faceH * 0.06f, new SKColor(30, 35, 40));
        }
        Oval(cx, faceY + faceH * 0.05f, faceW * 0.07f, faceH * 0.25f, Shade(skin, 1.08f));
        Oval(cx, faceY + faceH * 0.30f, faceW * 0.14f, faceH * 0.06f, Shade(skin, 0.7f));
        Oval(cx, faceY + faceH * 0.56f, faceW * 0.30f, faceH * 0.07f, new SKColor(130, 70, 70));
    }

    private static double DrawFields(SKCanvas canvas, TextPainter text, DocumentLayout layout, DocumentPalette palette, HolderData holder)
    {
        string dob = VisualDate(holder.BirthDate);
        string expiry = VisualDate(holder.ExpiryDate);
        string issue = VisualDate(holder.ExpiryDate.AddYears(-10).AddDays(1));
        var rows = new List<Cell[]>();
        if (layout.Kind == DocumentKind.PassportTd3)
        {
            rows.Add([new("TYPE", "P", 0.5), new("CODE OF ISSUING STATE", holder.IssuingState, 1.3), new("PASSPORT NO.", holder.DocumentNumber, 1.4)]);
        }

        rows.Add([new("SURNAME", holder.Surname, 1)]);
        rows.Add([new("GIVEN NAMES", string.Join(' ', holder.GivenNames), 1)]);
        rows.Add([new("NATIONALITY", holder.Nationality, 1), new("SEX", holder.Sex.ToString(), 0.6), new("DATE OF BIRTH", dob, 1.4)]);
        if (layout.Kind == DocumentKind.PassportTd3)
        {
            rows.Add([new("DATE OF ISSUE", issue, 1), new("DATE OF EXPIRY", expiry, 1)]);
        }
        else
        {
            rows.Add([new("DOCUMENT NO.", holder.DocumentNumber, 1.3), new("DATE OF EXPIRY", expiry, 1)]);
        }

        if (holder.OptionalData.Length > 0)
        {
            rows.Add([new("PERSONAL NO.", holder.OptionalData, 1)]);
        }

        var area = layout.Fields;
        double label = layout.LabelCapMm;
        double value = layout.ValueCapMm;
        double rowHeight = label + 0.8 + value + 1.5;
        double y = area.Y;
        foreach (var row in rows)
        {
            double total = row.Sum(c => c.Weight);
            double x = area.X;
            foreach (var cell in row)
            {
                double cellWidth = area.Width * cell.Weight / total;
                text.Draw(canvas, cell.Label, x, y + label, label, cellWidth - 1.0, palette.Label);
                text.Draw(canvas, cell.Value, x, y + label + 0.8 + value, value, cellWidth - 1.0, palette.Ink);
                x += cellWidth;
            }

            y += rowHeight;
        }

        return y;
    }

    private static void DrawSignature(SKCanvas canvas, TextPainter text, DocumentLayout layout, DocumentPalette palette, double top, Random rng)
    {
        var area = layout.Fields;
        double room = Math.Min(area.Bottom, layout.MrzBandTopMm - 1.0) - top;
        if (room < 7.0)
        {
            return;
        }

        text.Draw(canvas, "HOLDER'S SIGNATURE", area.X, top + layout.LabelCapMm, layout.LabelCapMm, area.Width * 0.6, palette.Label);
        // A random smooth scribble: sums of sines, unreadable by design.
        using var pen = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.3f, StrokeCap = SKStrokeCap.Round, Color = new SKColor(25, 40, 120) };
        using var path = new SKPathBuilder();
        double baseY = top + layout.LabelCapMm + Math.Min(room - layout.LabelCapMm, 9.0) * 0.55;
        double width = Math.Min(area.Width * 0.55, 40);
        double f1 = rng.Uniform(0.6, 1.2);
        double f2 = rng.Uniform(1.5, 2.6);
        double ph = rng.Uniform(0, Math.PI);
        for (int i = 0; i <= 200; i++)
        {
            double t = i / 200.0;
            double x = area.X + 2 + t * width + 1.2 * Math.Sin(2 * Math.PI * t * f2 * 3 + ph);
            double y = baseY + 1.8 * Math.Sin(2 * Math.PI * t * f1 * 4 + ph) * (1 - t * 0.5) + 0.8 * Math.Cos(2 * Math.PI * t * f2 * 5);
            if (i == 0)
            {
                path.MoveTo((float)x, (float)y);
            }
            else
            {
                path.LineTo((float)x, (float)y);
            }
        }

        DrawBuilt(canvas, path, pen);
    }

    private static void DrawBuilt(SKCanvas canvas, SKPathBuilder builder, SKPaint paint)
    {
        using var path = builder.Detach();
        canvas.DrawPath(path, paint);
    }

    private static MrzRegion MrzRegionOf(DocumentLayout layout, double sx, double sy)
    {
        double left = layout.MrzLeftMm * sx;
        double pitch = DocumentLayout.MrzPitchMm * sx;
        int lineWidth = (int)Math.Round(layout.MrzLineLength * pitch);
        var boxes = new List<Rect>();
        for (int i = 0; i < layout.MrzLineCount; i++)
        {
            double baseline = layout.MrzBaselineMm(i);
            int top = (int)Math.Floor((baseline - DocumentLayout.MrzCharHeightMm - 0.4) * sy);
            int bottom = (int)Math.Ceiling((baseline + 0.4) * sy);
            boxes.Add(new Rect((int)Math.Round(left), top, lineWidth, bottom - top));
        }

        int bandTop = (int)Math.Round(layout.MrzBandTopMm * sy);
        var band = new Rect(0, bandTop, (int)Math.Round(layout.WidthMm * sx), (int)Math.Round(layout.HeightMm * sy) - bandTop);
        return new MrzRegion(band, boxes, left, pitch);
    }

    private static string VisualDate(DateOnly date) =>
        date.ToString("dd MMM yyyy", CultureInfo.InvariantCulture).ToUpperInvariant();
}

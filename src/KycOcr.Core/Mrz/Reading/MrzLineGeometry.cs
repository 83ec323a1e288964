using OpenCvSharp;

namespace KycOcr.Core.Mrz.Reading;

/// <summary>
/// Where each character cell of one MRZ line lies (deskewed page coordinates): OCR-B in the MRZ is fixed pitch,
/// so the cells are <c>Left + i × Pitch</c>, fitted by least squares to the glyph centres.
/// </summary>
/// <param name="Baseline">Baseline at cell 0.</param>
/// <param name="BaselineSlope">Baseline change per cell: deskewing leaves a fraction of a degree, pixels at the line's ends.</param>
internal sealed record MrzLineGeometry(double Left, double Pitch, double Baseline, double BaselineSlope, double TallHeight, int GlyphCount)
{
    /// <summary>Median distance of a glyph's centre from its cell's, in pitches: fixed-pitch print keeps it small.</summary>
    public double Residual { get; init; }

    /// <summary>A fit whose glyphs sit this far from their cells (in pitches) may have taken a stray mark for a glyph.</summary>
    private const double LooseFit = 0.12;

    /// <summary>The line's strip, in whose pixels the geometry is given.</summary>
    public MrzGrayPixels Pixels { get; init; } = null!;

    public double CellCentre(int index) => Left + index * Pitch;

    public double BaselineAt(int index) => Baseline + index * BaselineSlope;

    /// <summary>Glyph boxes of the line in <paramref name="ink"/> (binary), within <paramref name="lineBox"/>.</summary>
    public static List<MrzGlyphBox> Glyphs(Mat ink, Rect lineBox)
    {
        int padY = lineBox.Height / 3;
        var strip = new Rect(lineBox.X, lineBox.Y - padY, lineBox.Width, lineBox.Height + 2 * padY) & new Rect(0, 0, ink.Cols, ink.Rows);
        using var region = new Mat(ink, strip);
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        int count = Cv2.ConnectedComponentsWithStats(region, labels, stats, centroids, PixelConnectivity.Connectivity8);
        double minHeight = lineBox.Height * 0.2;
        var boxes = new List<MrzGlyphBox>();
        for (int i = 1; i < count; i++)
        {
            int x = stats.At<int>(i, 0), y = stats.At<int>(i, 1), w = stats.At<int>(i, 2), h = stats.At<int>(i, 3), area = stats.At<int>(i, 4);
            if (h < minHeight || area < 6 || h > lineBox.Height * 1.6)
            {
                continue;
            }

            boxes.Add(new MrzGlyphBox(strip.X + x, strip.X + x + w, strip.Y + y, strip.Y + y + h));
        }

        boxes.Sort((a, b) => a.CentreX.CompareTo(b.CentreX));
        return boxes;
    }

    /// <summary>Merges pieces of one glyph (a broken stroke) whose centres are far closer than a pitch.</summary>
    public static List<MrzGlyphBox> MergePieces(List<MrzGlyphBox> boxes, double tallHeight)
    {
        // OCR-B's pitch is ~1.1 × the digit height; pieces of a glyph overlap horizontally.
        var merged = new List<MrzGlyphBox>();
        foreach (var box in boxes)
        {
            if (merged.Count > 0)
            {
                var last = merged[^1];
                double overlap = Math.Min(last.Right, box.Right) - Math.Max(last.Left, box.Left);
                if (overlap > 0.5 * Math.Min(last.Width, box.Width) || Math.Abs(last.CentreX - box.CentreX) < 0.25 * tallHeight)
                {
                    merged[^1] = last.Union(box);
                    continue;
                }
            }

            merged.Add(box);
        }

        return merged;
    }

    /// <summary>Fits <paramref name="cells"/> equally spaced cells to the glyphs; null when they do not fit.</summary>
    public static MrzLineGeometry? Fit(List<MrzGlyphBox> glyphs, int cells)
    {
        if (glyphs.Count < cells / 2)
        {
            return null;
        }

        // The cells may start at the first glyph or the second and end at the last or the one before: a mark beside
        // the line (an annotation, a speck) is a blob like any glyph. The fit whose glyphs sit closest to their cells wins.
        var best = FitCells(glyphs, cells, glyphs[0].CentreX, glyphs[^1].CentreX);
        if (best is null || best.Value.Residual > LooseFit)
        {
            // Only a blob unlike the line's glyphs is left out: a glyph too many means the line is longer, not that
            // it carries a mark.
            var typical = TallGlyphs(glyphs);
            double glyphHeight = Median(typical.Select(g => g.Height)), foot = Median(typical.Select(g => g.Bottom));
            bool Stray(MrzGlyphBox g) => Math.Abs(g.Height - glyphHeight) > 0.25 * glyphHeight || Math.Abs(g.Bottom - foot) > 0.25 * glyphHeight;
            foreach (var (from, to, dropped) in new[] { (0, glyphs.Count - 2, glyphs[^1]), (1, glyphs.Count - 1, glyphs[0]) })
            {
                if (Stray(dropped) && FitCells(glyphs, cells, glyphs[from].CentreX, glyphs[to].CentreX) is { } fit
                    && (best is null || fit.Residual < best.Value.Residual / 2))
                {
                    best = fit;
                }
            }
        }

        if (best is not { } chosen)
        {
            return null;
        }

        var (left, pitch) = (chosen.Left, chosen.Pitch);
        var residual = chosen.Residual;
        var tall = TallGlyphs(glyphs);
        double height = Median(tall.Select(g => g.Height));
        var (baseline, slope) = FitBaseline(tall, left, pitch);
        return pitch > 0 ? new MrzLineGeometry(left, pitch, baseline, slope, height, glyphs.Count) { Residual = residual } : null;
    }

    /// <summary>
    /// <c>left + i × pitch</c> fitted by least squares to the glyphs, from the cells spanning <paramref name="first"/> to
    /// <paramref name="last"/>; the residual is the median distance of a glyph to its cell, in pitches.
    /// </summary>
    private static (double Left, double Pitch, double Residual)? FitCells(List<MrzGlyphBox> glyphs, int cells, double first, double last)
    {
        double pitch = (last - first) / (cells - 1);
        double left = first;
        if (pitch <= 0)
        {
            return null;
        }

        for (int iteration = 0; iteration < 3; iteration++)
        {
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            int n = 0;
            foreach (var g in glyphs)
            {
                int index = (int)Math.Round((g.CentreX - left) / pitch);
                if (index < 0 || index >= cells)
                {
                    continue;
                }

                sx += index; sy += g.CentreX; sxx += (double)index * index; sxy += index * g.CentreX; n++;
            }

            double denominator = n * sxx - sx * sx;
            if (n < 3 || denominator <= 0)
            {
                return null;
            }

            pitch = (n * sxy - sx * sy) / denominator;
            left = (sy - pitch * sx) / n;
        }

        if (pitch <= 0)
        {
            return null;
        }

        double residual = Median(glyphs.Select(g => (g.CentreX - left) / pitch).Where(x => x > -0.5 && x < cells - 0.5).Select(x => Math.Abs(x - Math.Round(x))));
        return (left, pitch, residual);
    }

    // Least squares over the tall glyphs' feet, then again without the worst outliers (a descending stroke, a merged blob).
    private static (double Baseline, double Slope) FitBaseline(List<MrzGlyphBox> tall, double left, double pitch)
    {
        var points = tall.Select(g => (X: (g.CentreX - left) / pitch, Y: g.Bottom)).ToList();
        double median = Median(points.Select(p => p.Y));
        (double, double) fit = (median, 0);
        for (int pass = 0; pass < 2 && points.Count >= 4; pass++)
        {
            double n = points.Count, sx = points.Sum(p => p.X), sy = points.Sum(p => p.Y);
            double sxx = points.Sum(p => p.X * p.X), sxy = points.Sum(p => p.X * p.Y);
            double denominator = n * sxx - sx * sx;
            if (denominator <= 0)
            {
                break;
            }

            double slope = (n * sxy - sx * sy) / denominator;
            double intercept = (sy - slope * sx) / n;
            fit = (intercept, slope);
            double limit = Math.Max(1.5, 2 * Median(points.Select(p => Math.Abs(p.Y - (intercept + slope * p.X)))));
            points = points.Where(p => Math.Abs(p.Y - (intercept + slope * p.X)) <= limit).ToList();
        }

        return fit;
    }

    /// <summary>Letters and digits, not the short '&lt;' fillers: the upper half by height.</summary>
    public static List<MrzGlyphBox> TallGlyphs(List<MrzGlyphBox> glyphs)
    {
        double max = Percentile(glyphs.Select(g => g.Height), 0.9);
        var tall = glyphs.Where(g => g.Height >= 0.8 * max).ToList();
        return tall.Count > 0 ? tall : glyphs;
    }

    public static double Median(IEnumerable<double> values) => Percentile(values, 0.5);

    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? 0 : sorted[(int)Math.Round(p * (sorted.Length - 1))];
    }
}

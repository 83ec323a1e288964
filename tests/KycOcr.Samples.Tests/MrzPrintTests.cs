using KycOcr.Samples;
using OpenCvSharp;

namespace KycOcr.Samples.Tests;

/// <summary>Documents' MRZs are printed as real ones are: in several OCR-B cuts and ink weights, some over a pattern.</summary>
public class MrzPrintTests
{
    [Fact]
    public void Prints_vary_by_seed_over_the_printers_range()
    {
        var prints = Enumerable.Range(1, 300).Select(MrzPrint.For).ToArray();

        Assert.All(prints, p => Assert.InRange(p.SpreadMm, 0, 0.08));
        Assert.All(prints, p => Assert.InRange(p.WidthScale, 0.9, 1.06));
        Assert.True(prints.Max(p => p.SpreadMm) - prints.Min(p => p.SpreadMm) > 0.07, "ink spread should run from none to heavy");
        Assert.True(prints.Max(p => p.WidthScale) - prints.Min(p => p.WidthScale) > 0.14, "cuts should run from condensed to wide");
        Assert.InRange(prints.Count(p => p.PatternUnder), 60, 120);
        Assert.Equal(MrzPrint.For(7), MrzPrint.For(7));
    }

    [Fact]
    public void A_pattern_under_the_zone_shows_between_its_lines_and_a_clear_zone_stays_plain()
    {
        int patterned = Enumerable.Range(1, 100).First(s => MrzPrint.For(s).PatternUnder);
        int clear = Enumerable.Range(1, 100).First(s => !MrzPrint.For(s).PatternUnder);

        double withPattern = FineDetailAboveTheLines(patterned);
        double without = FineDetailAboveTheLines(clear);

        Assert.True(withPattern > 3 * without, $"fine detail {withPattern:0.00} with the pattern, {without:0.00} without");
    }

    [Fact]
    public void Heavier_ink_prints_heavier_glyphs()
    {
        var seeds = Enumerable.Range(1, 100).Select(s => (Seed: s, Print: MrzPrint.For(s))).ToArray();
        int light = seeds.Where(s => s.Print.SpreadMm < 0.01 && Math.Abs(s.Print.WidthScale - 1) < 0.03).Select(s => s.Seed).First();
        int heavy = seeds.Where(s => s.Print.SpreadMm > 0.07 && Math.Abs(s.Print.WidthScale - 1) < 0.03).Select(s => s.Seed).First();

        double heavyStroke = StrokeWidthMm(heavy), lightStroke = StrokeWidthMm(light);
        Assert.True(heavyStroke > lightStroke + 0.04, $"strokes {heavyStroke:0.000} mm heavy, {lightStroke:0.000} mm light");
    }

    // Mean absolute high-pass of the clear band above the first MRZ line: the tint's gradient is smooth, a pattern is not.
    private static double FineDetailAboveTheLines(int seed)
    {
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(DocumentKind.PassportTd3, seed, print: MrzPrint.For(seed));
        var band = flat.Mrz.Band;
        var top = flat.Mrz.LineBoxes[0].Y;
        using var region = new Mat(flat.Image, new Rect(band.X, band.Y, band.Width, Math.Max(4, top - band.Y)));
        using var gray = new Mat();
        Cv2.CvtColor(region, gray, ColorConversionCodes.BGR2GRAY);
        using var smooth = new Mat();
        Cv2.GaussianBlur(gray, smooth, new Size(9, 9), 0);
        using var detail = new Mat();
        Cv2.Absdiff(gray, smooth, detail);
        return Cv2.Mean(detail).Val0;
    }

    // The mean width of the vertical strokes in the second line: horizontal ink runs shorter than 0.6 mm, whatever the characters.
    private static double StrokeWidthMm(int seed)
    {
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(DocumentKind.PassportTd3, seed, print: MrzPrint.For(seed));
        using var line = new Mat(flat.Image, flat.Mrz.LineBoxes[1]);
        using var gray = new Mat();
        Cv2.CvtColor(line, gray, ColorConversionCodes.BGR2GRAY);
        var runs = new List<int>();
        int rows = gray.Rows, cols = gray.Cols;
        for (int y = 0; y < rows; y++)
        {
            int run = 0;
            for (int x = 0; x < cols; x++)
            {
                if (gray.At<byte>(y, x) < 128)
                {
                    run++;
                    continue;
                }

                if (run > 0 && run < 0.6 * flat.PixelsPerMm)
                {
                    runs.Add(run);
                }

                run = 0;
            }
        }

        return runs.Average() / flat.PixelsPerMm;
    }
}

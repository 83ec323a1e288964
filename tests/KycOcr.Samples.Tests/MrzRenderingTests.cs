using KycOcr.Samples;
using OpenCvSharp;

namespace KycOcr.Samples.Tests;

public class MrzRenderingTests
{
    [Theory]
    [InlineData(DocumentKind.IdCardTd1, 4)]
    [InlineData(DocumentKind.CardTd2, 8)]
    [InlineData(DocumentKind.PassportTd3, 11)]
    public void Mrz_band_has_one_ink_column_per_character_at_the_fixed_pitch(DocumentKind kind, int seed)
    {
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(kind, seed);
        var lines = flat.Truth.MrzLines;
        Assert.Equal(lines.Count, flat.Mrz.LineBoxes.Count);
        Assert.InRange(flat.Mrz.CharPitchPx, 2.54 * 12 * 0.99, 2.54 * 12 * 1.01);

        for (int i = 0; i < lines.Count; i++)
        {
            var box = flat.Mrz.LineBoxes[i];
            var runs = InkRuns(flat.Image, box);
            Assert.True(runs.Count == lines[i].Length, $"line {i}: {runs.Count} ink runs for {lines[i].Length} characters");
            for (int c = 0; c < runs.Count; c++)
            {
                double expected = flat.Mrz.LeftPx + (c + 0.5) * flat.Mrz.CharPitchPx - box.X;
                Assert.InRange(runs[c].Centre, expected - flat.Mrz.CharPitchPx * 0.25, expected + flat.Mrz.CharPitchPx * 0.25);
            }

            // Lines stay inside the document with the standard side margins (> 4 mm).
            Assert.True(box.X > 4 * flat.PixelsPerMm && box.Right < flat.Image.Cols - 4 * flat.PixelsPerMm);
        }
    }

    [Fact]
    public void Mrz_characters_have_the_icao_height()
    {
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(DocumentKind.PassportTd3, 3);
        var box = flat.Mrz.LineBoxes[1];
        using var region = new Mat(flat.Image, box);
        using var gray = new Mat();
        Cv2.CvtColor(region, gray, ColorConversionCodes.BGR2GRAY);
        using var ink = new Mat();
        Cv2.Threshold(gray, ink, 128, 255, ThresholdTypes.BinaryInv);
        var bounds = Cv2.BoundingRect(ink);
        double heightMm = bounds.Height / flat.PixelsPerMm;
        Assert.InRange(heightMm, 2.0, 2.35);
    }

    [Fact]
    public void The_mrz_font_is_ocr_b_from_the_debian_package()
    {
        Assert.Equal("/usr/share/fonts/opentype/ocr-b/OCRB.otf", OcrBFont.DefaultPath);
        Assert.Equal("OCR B", OcrBFont.FamilyName(OcrBFont.ResolvePath()));
    }

    [Fact]
    public void A_missing_font_gives_a_clear_exception_naming_path_and_package()
    {
        const string missing = "/nonexistent/fonts/OCRB.otf";
        var error = Assert.Throws<FileNotFoundException>(() => OcrBFont.FamilyName(missing));
        Assert.Contains(missing, error.Message);
        Assert.Contains("fonts-ocr-b", error.Message);
        Assert.Equal(missing, error.FileName);
    }

    [Fact]
    public void A_file_that_is_no_font_gives_a_clear_exception()
    {
        string junk = Path.Combine(Path.GetTempPath(), $"not-a-font-{Guid.NewGuid():N}.otf");
        File.WriteAllText(junk, "this is not a font");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => OcrBFont.FamilyName(junk));
            Assert.Contains("fonts-ocr-b", error.Message);
        }
        finally
        {
            File.Delete(junk);
        }
    }

    private static List<(int Start, int End, double Centre)> InkRuns(Mat image, Rect box)
    {
        using var region = new Mat(image, box);
        using var gray = new Mat();
        Cv2.CvtColor(region, gray, ColorConversionCodes.BGR2GRAY);
        using var ink = new Mat();
        Cv2.Threshold(gray, ink, 128, 1, ThresholdTypes.BinaryInv);
        using var columns = new Mat();
        Cv2.Reduce(ink, columns, ReduceDimension.Row, ReduceTypes.Sum, MatType.CV_32S);
        int width = columns.Cols;

        var runs = new List<(int, int, double)>();
        int start = -1;
        for (int x = 0; x <= width; x++)
        {
            bool inked = x < width && columns.Get<int>(0, x) > 0;
            if (inked && start < 0)
            {
                start = x;
            }
            else if (!inked && start >= 0)
            {
                runs.Add((start, x - 1, (start + x - 1) / 2.0));
                start = -1;
            }
        }

        return runs;
    }
}

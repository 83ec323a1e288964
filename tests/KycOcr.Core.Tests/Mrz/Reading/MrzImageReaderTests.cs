using KycOcr.Core.Mrz;
using KycOcr.Core.Mrz.Reading;
using KycOcr.Samples;
using KycOcr.TestSupport.Documents;
using KycOcr.TestSupport.MrzBenchmark;
using OpenCvSharp;

namespace KycOcr.Core.Tests.Mrz.Reading;

public sealed class MrzImageReaderTests(MrzReaderFixture fixture) : IClassFixture<MrzReaderFixture>
{
    private readonly MrzImageReader _reader = fixture.Reader;

    [Theory]
    [InlineData(DocumentKind.IdCardTd1, 11, MrzFormat.TD1)]
    [InlineData(DocumentKind.CardTd2, 12, MrzFormat.TD2)]
    [InlineData(DocumentKind.PassportTd3, 13, MrzFormat.TD3)]
    public void Clean_documents_read_exactly(DocumentKind kind, int seed, MrzFormat format)
    {
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(kind, seed);
        using var image = UprightDocuments.Render(flat, UprightDegradation.None, seed);

        var reading = _reader.Read(image, MrzAccuracyRun.Today);

        Assert.True(reading.Valid, string.Join("; ", reading.Errors));
        Assert.Equal(format, reading.Format);
        Assert.Equal(flat.Truth.MrzLines, reading.Lines);
        Assert.Null(MrzAccuracyRun.Compare(reading, flat.Truth));
    }

    [Theory]
    [InlineData(DocumentKind.IdCardTd1, 21)]
    [InlineData(DocumentKind.PassportTd3, 22)]
    public void Upside_down_documents_read_exactly(DocumentKind kind, int seed)
    {
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(kind, seed);
        using var image = UprightDocuments.Render(flat, UprightDegradation.Mild(seed) with { UpsideDown = true }, seed);

        var reading = _reader.Read(image, MrzAccuracyRun.Today);

        Assert.Null(MrzAccuracyRun.Compare(reading, flat.Truth));
        Assert.True(reading.Valid);
    }

    [Theory]
    [InlineData(DocumentKind.IdCardTd1, 31)]
    [InlineData(DocumentKind.CardTd2, 32)]
    [InlineData(DocumentKind.PassportTd3, 33)]
    public void Mildly_degraded_documents_read_exactly(DocumentKind kind, int seed)
    {
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(kind, seed);
        // The worst of the mild range at once: 5° residual rotation, blur, noise, JPEG 60.
        var worst = new UprightDegradation { RotationDegrees = seed % 2 == 0 ? 5 : -5, BlurSigma = 1, NoiseSigma = 6, JpegQuality = 60 };
        using var image = UprightDocuments.Render(flat, worst, seed);

        var reading = _reader.Read(image, MrzAccuracyRun.Today);

        Assert.Null(MrzAccuracyRun.Compare(reading, flat.Truth));
        Assert.True(reading.Valid);
    }

    [Fact]
    public void Other_resolutions_are_scaled_to_the_working_size()
    {
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(DocumentKind.PassportTd3, 41);
        using var large = UprightDocuments.Render(flat, UprightDegradation.None, 41, longSide: 1500);
        using var small = UprightDocuments.Render(flat, UprightDegradation.None, 41, longSide: 800);

        Assert.Null(MrzAccuracyRun.Compare(_reader.Read(large, MrzAccuracyRun.Today), flat.Truth));
        Assert.Null(MrzAccuracyRun.Compare(_reader.Read(small, MrzAccuracyRun.Today), flat.Truth));
    }

    [Fact]
    public void A_document_without_an_mrz_is_not_found()
    {
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(DocumentKind.PassportTd3, 51);
        using var image = UprightDocuments.Render(flat, UprightDegradation.None, 51);
        // Blank out the clear zone, as on the back of a card or a page without an MRZ.
        double scale = (double)image.Cols / flat.Image.Cols;
        var band = flat.Mrz.Band;
        Cv2.Rectangle(image, new Rect((int)(band.X * scale), (int)(band.Y * scale), (int)Math.Ceiling(band.Width * scale), image.Rows), Scalar.All(245), -1);

        var reading = _reader.Read(image, MrzAccuracyRun.Today);

        Assert.False(reading.Found);
        Assert.False(reading.Valid);
        Assert.NotEmpty(reading.Errors);
    }

    [Fact]
    public void Blank_noise_and_tiny_images_are_not_found()
    {
        using var blank = new Mat(700, 1000, MatType.CV_8UC3, Scalar.All(230));
        using var noise = new Mat(700, 1000, MatType.CV_8UC3);
        Cv2.Randu(noise, Scalar.All(0), Scalar.All(255));
        using var tiny = new Mat(10, 10, MatType.CV_8UC3, Scalar.All(0));
        using var empty = new Mat();

        Assert.False(_reader.Read(blank, MrzAccuracyRun.Today).Found);
        Assert.False(_reader.Read(noise, MrzAccuracyRun.Today).Found);
        Assert.False(_reader.Read(tiny, MrzAccuracyRun.Today).Found);
        Assert.False(_reader.Read(empty, MrzAccuracyRun.Today).Found);
    }

    [Fact]
    public void A_wrong_check_digit_in_the_print_is_reported_invalid_not_repaired()
    {
        // TD3 line 2: the birth-date check digit (column 19) is overprinted with another digit cell of the same line.
        using var flat = FindDocument(DocumentKind.PassportTd3, 60, l => l[1][19] != l[1][27]);
        using var image = UprightDocuments.Render(flat, UprightDegradation.None, flat.Truth.Seed);
        double scale = (double)image.Cols / flat.Image.Cols;
        var line = flat.Mrz.LineBoxes[1];
        Rect Cell(int column) => new(
            (int)Math.Round((flat.Mrz.LeftPx + column * flat.Mrz.CharPitchPx) * scale), (int)(line.Y * scale),
            (int)Math.Round(flat.Mrz.CharPitchPx * scale), (int)Math.Ceiling(line.Height * scale));
        using (var source = new Mat(image, Cell(27)).Clone())
        using (var target = new Mat(image, Cell(19)))
        {
            source.CopyTo(target);
        }

        var reading = _reader.Read(image, MrzAccuracyRun.Today);

        Assert.True(reading.Found);
        Assert.False(reading.Valid);
        Assert.False(reading.Checks["birth_date"]);
    }

    [Fact]
    public void Concurrent_reads_share_one_reader()
    {
        var seeds = Enumerable.Range(70, 6).ToArray();
        var results = new string?[seeds.Length];
        Parallel.For(0, seeds.Length, new ParallelOptions { MaxDegreeOfParallelism = 3 }, i =>
        {
            var kind = (DocumentKind)(i % 3);
            using var flat = SyntheticDocumentGenerator.RenderFlatDocument(kind, seeds[i]);
            using var image = UprightDocuments.Render(flat, UprightDegradation.None, seeds[i]);
            results[i] = MrzAccuracyRun.Compare(_reader.Read(image, MrzAccuracyRun.Today), flat.Truth) ?? "exact";
        });

        Assert.All(results, r => Assert.Equal("exact", r));
    }

    private static FlatDocument FindDocument(DocumentKind kind, int firstSeed, Func<IReadOnlyList<string>, bool> wanted)
    {
        for (int seed = firstSeed; ; seed++)
        {
            var flat = SyntheticDocumentGenerator.RenderFlatDocument(kind, seed);
            if (wanted(flat.Truth.MrzLines))
            {
                return flat;
            }

            flat.Dispose();
        }
    }
}

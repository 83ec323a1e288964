using System.Text.Json;
using KycOcr.Core.Configuration;
using KycOcr.Core.Preprocessing;
using KycOcr.Core.Quality;
using KycOcr.Samples;
using KycOcr.TestSupport.Images;
using KycOcr.TestSupport.MrzBenchmark;
using KycOcr.TestSupport.Quality;
using Microsoft.Extensions.Options;
using OpenCvSharp;
using Xunit.Abstractions;

namespace KycOcr.Core.Tests.Quality;

public sealed class QualityGateTests(ITestOutputHelper output)
{
    private static DocumentPreprocessor Preprocessor(QualityOptions? quality = null, int maxSide = 1024) =>
        JobPreprocessing.Create(quality, new ModelOptions { ImageMaxSide = maxSide });

    [Fact]
    public void A_good_photo_becomes_the_upright_document_at_the_models_size()
    {
        var prepared = Assert.IsType<PreparedImage.Accepted>(Preprocessor().Prepare(DocumentPhotos.Good()));

        using var sent = Cv2.ImDecode(prepared.Jpeg, ImreadModes.Color);
        Assert.Equal(1024, sent.Width);
        Assert.Equal(DocumentDetector.PassportAspect, sent.Width / (double)sent.Height, 2);
        var quality = prepared.Quality;
        Assert.True(quality.Accepted);
        Assert.Equal(8, quality.Checks.Count);
        Assert.Equal("passport", quality.Document.Kind);
        Assert.Equal(4, quality.Document.Corners!.Length);
    }

    [Fact]
    public void A_small_document_is_never_upscaled()
    {
        var photo = SyntheticDocumentGenerator.Generate(new DocumentPhotoSpec { Seed = 3, FrameWidth = 1024, FrameHeight = 768, Coverage = 0.5 });

        var prepared = Preprocessor(maxSide: 2048).Prepare(photo.Bytes);

        Assert.True(prepared is PreparedImage.Accepted, (prepared as PreparedImage.Refused)?.Error.Error);
        using var sent = Cv2.ImDecode(((PreparedImage.Accepted)prepared).Jpeg, ImreadModes.Color);
        Assert.InRange(sent.Width, 700, 1024);
    }

    [Fact]
    public void A_blurry_photo_is_rejected_with_the_failed_checks_and_a_hint()
    {
        var refused = Assert.IsType<PreparedImage.Refused>(Preprocessor().Prepare(DocumentPhotos.Blurry()));

        QualityRefusals.AssertBlurry(refused.Error);
    }

    [Fact]
    public void Truncated_and_undecodable_bytes_keep_their_own_codes()
    {
        var good = DocumentPhotos.Good();

        Assert.Equal(ErrorCodes.ImageTruncated, Assert.IsType<PreparedImage.Refused>(Preprocessor().Prepare(good[..(good.Length / 4)])).Error.Code);
        Assert.Equal(ErrorCodes.ImageUndecodable, Assert.IsType<PreparedImage.Refused>(Preprocessor().Prepare(SimpleImages.CorruptJpeg(800, 600))).Error.Code);
    }

    [Fact]
    public void Overrides_replace_single_thresholds_of_the_preset()
    {
        var lenient = Preprocessor(new QualityOptions { MinBlurScore = 1, MinEdgeDensity = 0, MinContrast = 0, MinTextHeight = 0, RequireDocument = false }).Prepare(DocumentPhotos.Blurry());
        var strict = new QualityOptions { Strictness = "hard", MinTextHeight = 50 }.Thresholds();

        Assert.IsType<PreparedImage.Accepted>(lenient);
        Assert.Equal(50, strict.MinTextHeight);
        Assert.Equal(QualityPresets.HardThresholds.MinBlurScore, strict.MinBlurScore);
    }

    [Fact]
    public void The_same_document_scores_alike_at_every_camera_size()
    {
        var scores = new List<double>();
        var gate = JobPreprocessing.Gate(QualityPresets.MediumThresholds);
        foreach (var (w, h) in new[] { (4032, 3024), (1600, 1200), (1024, 768) })
        {
            var photo = SyntheticDocumentGenerator.Generate(SyntheticDocumentGenerator.SpecimenSpec(DocumentKind.IdCardTd1, 8) with { FrameWidth = w, FrameHeight = h });
            using var outcome = gate.Process(photo.Bytes, 50_000_000, 1024);
            scores.Add(outcome.Report.Checks.Single(c => c.Name == QualityCheckNames.Blur).Score);
        }
        output.WriteLine(string.Join(", ", scores));

        // The original's full-resolution Laplacian differs by an order of magnitude between these sizes.
        Assert.True(scores.Max() / scores.Min() < 3, string.Join(", ", scores));
    }

    [Theory]
    [InlineData(4032, 3024)]
    [InlineData(1600, 1200)]
    [InlineData(1024, 768)]
    public void A_glare_spot_is_told_where_it_is_in_the_photo(int width, int height)
    {
        var gate = JobPreprocessing.Gate(QualityPresets.MediumThresholds);
        var samples = QualitySamples.AtSize(width, height).ToDictionary(s => s.Label[..s.Label.IndexOf('@')]);
        var glared = samples["glare_on_document"].Generate();
        using var outcome = gate.Process(glared.Bytes, 50_000_000, 1024);
        using var sharp = gate.Process(samples["sharp"].Generate().Bytes, 50_000_000, 1024);

        var glare = outcome.Report.Checks.Single(c => c.Name == QualityCheckNames.Glare);
        // Its zone reads, so the glare refuses nothing here; it fails all the same, and says where.
        Assert.False(glare.Passed);
        var spot = Assert.IsType<QualitySpot>(glare.Spot);
        // The spot's centre is a washed-out pixel of the photo as uploaded, inside the document's outline, and the
        // circle is the size the score says.
        using var photo = Cv2.ImDecode(glared.Bytes, ImreadModes.Color);
        using var around = new Mat(photo, new Rect((int)spot.X - 2, (int)spot.Y - 2, 5, 5));
        var channels = Cv2.Mean(around);
        Assert.True(Math.Min(channels.Val0, Math.Min(channels.Val1, channels.Val2)) >= QualityPresets.MediumThresholds.GlareLevel - 15,
            $"the photo at ({spot.X:0}, {spot.Y:0}) is {channels.Val0:0}/{channels.Val1:0}/{channels.Val2:0}, not washed out");
        var corners = outcome.Report.Document.Corners;
        Assert.True(Cv2.PointPolygonTest(corners.Select(p => new Point2f((float)p.X, (float)p.Y)), new Point2f((float)spot.X, (float)spot.Y), false) > 0);
        var shortSide = Math.Min(corners[0].DistanceTo(corners[3]), corners[0].DistanceTo(corners[1]));
        Assert.InRange(spot.Radius / (glare.Score * shortSide), 0.5, 2);
        // A check that passes has no place to show.
        Assert.All(sharp.Report.Checks, c => Assert.Null(c.Spot));
    }

    [Fact]
    public void A_scan_without_background_is_the_document_its_print_shows()
    {
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(DocumentKind.IdCardTd1, 93);

        using var outcome = JobPreprocessing.Gate(QualityPresets.MediumThresholds).Process(flat.Encode(), 50_000_000, 1024);

        Assert.True(outcome.Report.Accepted);
        Assert.True(outcome.Report.Document.Found);
        Assert.Equal(1, outcome.Report.Document.Coverage);
        Assert.Equal(new Point2d(flat.Image.Cols - 1, flat.Image.Rows - 1), outcome.Report.Document.Corners[2]);
        Assert.True(outcome.Mrz.Reading.Valid);
    }

    /// <summary>
    /// Web images and crops from capture SDKs: no background, from 250 px wide. Their MRZ reads exactly as printed,
    /// and the frame is the document.
    /// </summary>
    [Theory]
    [InlineData(DocumentKind.IdCardTd1, 95, 1000)]
    [InlineData(DocumentKind.IdCardTd1, 96, 500)]
    [InlineData(DocumentKind.IdCardTd1, 97, 300)]
    [InlineData(DocumentKind.CardTd2, 95, 600)]
    [InlineData(DocumentKind.PassportTd3, 95, 1000)]
    [InlineData(DocumentKind.PassportTd3, 96, 600)]
    [InlineData(DocumentKind.PassportTd3, 97, 450)]
    [InlineData(DocumentKind.PassportTd3, 99, 300)]
    [InlineData(DocumentKind.IdCardTd1, 99, 250)]
    public void A_web_sized_document_without_background_reads_exactly(DocumentKind kind, int seed, int width)
    {
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(kind, seed);

        using var outcome = JobPreprocessing.Gate(QualityPresets.MediumThresholds).Process(flat.EncodeWebSized(width), 50_000_000, 1024);

        Assert.True(outcome.Report.Accepted, string.Join(", ", outcome.Report.Blocking.Select(c => c.Name)));
        Assert.Null(MrzAccuracyRun.Compare(outcome.Mrz.Reading, flat.Truth));
        Assert.True(outcome.Report.Document.Found);
        Assert.Equal(1, outcome.Report.Document.Coverage);
    }

    /// <summary>Crops a capture SDK makes of a photo: the document and a sliver of table, or none. The MRZ reads exactly.</summary>
    [Theory]
    [InlineData(DocumentKind.IdCardTd1, 21, 0.0)]
    [InlineData(DocumentKind.IdCardTd1, 22, 0.04)]
    [InlineData(DocumentKind.CardTd2, 21, 0.02)]
    [InlineData(DocumentKind.PassportTd3, 21, 0.0)]
    [InlineData(DocumentKind.PassportTd3, 22, 0.04)]
    public void A_crop_of_a_photo_reads_exactly(DocumentKind kind, int seed, double margin)
    {
        var photo = SyntheticDocumentGenerator.SpecimenPhoto(kind, seed);

        using var outcome = JobPreprocessing.Gate(QualityPresets.MediumThresholds).Process(photo.CroppedToDocument(margin), 50_000_000, 1024);

        Assert.True(outcome.Report.Accepted, string.Join(", ", outcome.Report.Blocking.Select(c => c.Name)));
        Assert.Null(MrzAccuracyRun.Compare(outcome.Mrz.Reading, photo.Truth));
        Assert.True(outcome.Report.Document.Found);
    }

    /// <summary>A passport shrunk to 160 px has 3 px glyphs: no one reads that, and the answer says the text is too small.</summary>
    [Fact]
    public void A_document_shrunk_past_reading_is_refused_for_its_text_size()
    {
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(DocumentKind.PassportTd3, 98);

        using var outcome = JobPreprocessing.Gate(QualityPresets.MediumThresholds).Process(flat.EncodeWebSized(160), 50_000_000, 1024);

        Assert.False(outcome.Report.Accepted);
        Assert.False(outcome.Mrz.Reading.Valid);
        Assert.Contains(outcome.Report.Blocking, c => c.Name == QualityCheckNames.Resolution);
    }

    [Fact]
    public void A_frame_of_bare_table_has_no_document()
    {
        var spec = SyntheticDocumentGenerator.SpecimenSpec(DocumentKind.IdCardTd1, 94) with { Background = BackgroundKind.NoisyTexture };
        using var table = SyntheticDocumentGenerator.RenderBackground(spec);

        using var outcome = JobPreprocessing.Gate(QualityPresets.MediumThresholds).Process(table.ImEncode(".jpg"), 50_000_000, 1024);

        Assert.False(outcome.Report.Accepted);
        Assert.False(outcome.Report.Document.Found);
        Assert.Contains(outcome.Report.Blocking, c => c.Name == QualityCheckNames.Document);
        Assert.False(outcome.Mrz.Reading.Found);
    }

    [Fact]
    public void A_clearly_read_mrz_overrules_the_photos_measures()
    {
        // Blurred past the blur limit, yet the MRZ still reads with every check digit valid.
        var photo = SyntheticDocumentGenerator.Generate(
            SyntheticDocumentGenerator.SpecimenSpec(DocumentKind.PassportTd3, 11) with { Degradations = new Degradations { GaussianBlurSigma = 1.8 } });

        using var outcome = JobPreprocessing.Gate(QualityPresets.MediumThresholds).Process(photo.Bytes, 50_000_000, 1024);

        Assert.True(outcome.Mrz.Reading.Valid);
        Assert.True(outcome.Report.Accepted);
        var blur = outcome.Report.Checks.Single(c => c.Name == QualityCheckNames.Blur);
        Assert.False(blur.Passed);
        Assert.False(blur.Blocking);
    }

    [Fact]
    public void Resolution_is_the_height_of_the_print_not_the_size_of_the_image()
    {
        // The same document at two sizes in the same frame: the text height follows the document, the frame does not matter.
        var near = SyntheticDocumentGenerator.Generate(new DocumentPhotoSpec { Seed = 95, FrameWidth = 1600, FrameHeight = 1200, Coverage = 0.6 });
        var far = SyntheticDocumentGenerator.Generate(new DocumentPhotoSpec { Seed = 95, FrameWidth = 1600, FrameHeight = 1200, Coverage = 0.15 });
        var gate = JobPreprocessing.Gate(QualityPresets.MediumThresholds);

        using var nearOutcome = gate.Process(near.Bytes, 50_000_000, 1024);
        using var farOutcome = gate.Process(far.Bytes, 50_000_000, 1024);
        double Height(QualityOutcome o) => o.Report.Checks.Single(c => c.Name == QualityCheckNames.Resolution).Score;

        Assert.InRange(Height(nearOutcome) / Height(farOutcome), 1.6, 2.4); // √(0.6 / 0.15) = 2
        Assert.InRange(Height(nearOutcome), 10, 60);
    }

    [Fact]
    public void The_report_serialises_as_the_cli_and_the_service_show_it()
    {
        var gate = JobPreprocessing.Gate(QualityPresets.MediumThresholds);
        using var image = Cv2.ImDecode(DocumentPhotos.Good(), ImreadModes.Color);

        var json = JsonSerializer.SerializeToElement(gate.Inspect(image).ToSummary(), KycJson.Options);

        Assert.Equal(["accepted", "checks", "document"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["name", "score", "threshold", "passed", "blocking", "hint"], json.GetProperty("checks")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["resolution", "document", "blur", "contrast", "glare", "darkness", "overexposure", "edge_density"],
            json.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Array, json.GetProperty("document").GetProperty("corners")[0].ValueKind);
    }
}

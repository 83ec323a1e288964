using System.Text.Json;
using KycOcr.Core.Configuration;
using KycOcr.Core.Quality;
using KycOcr.Samples;
using KycOcr.TestSupport.Images;
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
        var prepared = Preprocessor().Prepare(DocumentPhotos.Good());

        Assert.Null(prepared.Rejection);
        using var sent = Cv2.ImDecode(prepared.Jpeg!, ImreadModes.Color);
        Assert.Equal(1024, sent.Width);
        Assert.Equal(DocumentDetector.PassportAspect, sent.Width / (double)sent.Height, 2);
        var quality = prepared.Quality!.Value;
        Assert.True(quality.GetProperty("accepted").GetBoolean());
        Assert.Equal(8, quality.GetProperty("checks").GetArrayLength());
        Assert.Equal("passport", quality.GetProperty("document").GetProperty("kind").GetString());
        Assert.Equal(4, quality.GetProperty("document").GetProperty("corners").GetArrayLength());
    }

    [Fact]
    public void A_small_document_is_never_upscaled()
    {
        var photo = SyntheticDocumentGenerator.Generate(new DocumentPhotoSpec { Seed = 3, FrameWidth = 1024, FrameHeight = 768, Coverage = 0.5 });

        var prepared = Preprocessor(maxSide: 2048).Prepare(photo.Bytes);

        Assert.True(prepared.Rejection is null, prepared.Rejection?.Error);
        using var sent = Cv2.ImDecode(prepared.Jpeg!, ImreadModes.Color);
        Assert.InRange(sent.Width, 700, 1024);
    }

    [Fact]
    public void A_blurry_photo_is_rejected_with_the_failed_checks_and_a_hint()
    {
        var prepared = Preprocessor().Prepare(DocumentPhotos.Blurry());

        Assert.Null(prepared.Jpeg);
        var rejection = prepared.Rejection!;
        Assert.Equal(ErrorCodes.QualityRejected, rejection.Code);
        Assert.Contains("blurry", rejection.Error);
        var failed = rejection.Checks!.Value.EnumerateArray().ToArray();
        Assert.Contains(failed, c => c.GetProperty("name").GetString() == "blur" && !c.GetProperty("passed").GetBoolean());
        Assert.All(failed, c => Assert.False(c.GetProperty("passed").GetBoolean()));
        Assert.False(prepared.Quality!.Value.GetProperty("accepted").GetBoolean());
    }

    [Fact]
    public void Truncated_and_undecodable_bytes_keep_their_own_codes()
    {
        var good = DocumentPhotos.Good();

        Assert.Equal(ErrorCodes.ImageTruncated, Preprocessor().Prepare(good[..(good.Length / 4)]).Rejection!.Code);
        Assert.Equal(ErrorCodes.ImageUndecodable, Preprocessor().Prepare(SimpleImages.CorruptJpeg(800, 600)).Rejection!.Code);
    }

    [Fact]
    public void Overrides_replace_single_thresholds_of_the_preset()
    {
        var lenient = Preprocessor(new QualityOptions { MinBlurScore = 1, MinEdgeDensity = 0, MinContrast = 0 }).Prepare(DocumentPhotos.Blurry());
        var strict = new QualityOptions { Strictness = "hard", MinTextHeight = 50 }.Thresholds();

        Assert.Null(lenient.Rejection);
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

    [Fact]
    public void The_report_serialises_as_the_cli_and_the_service_show_it()
    {
        var gate = JobPreprocessing.Gate(QualityPresets.MediumThresholds);
        using var image = Cv2.ImDecode(DocumentPhotos.Good(), ImreadModes.Color);

        var json = gate.Inspect(image).ToJson();

        Assert.Equal(["accepted", "checks", "document"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["name", "score", "threshold", "passed", "blocking", "hint"], json.GetProperty("checks")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["resolution", "document", "blur", "contrast", "glare", "darkness", "overexposure", "edge_density"],
            json.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Array, json.GetProperty("document").GetProperty("corners")[0].ValueKind);
    }
}

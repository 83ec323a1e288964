using KycOcr.Samples;
using OpenCvSharp;

namespace KycOcr.Samples.Tests;

public class DegradationTests
{
    private static DocumentPhotoSpec Spec(Degradations degradations, int seed = 31) => new()
    {
        Seed = seed,
        Kind = DocumentKind.CardTd2,
        FrameWidth = 640,
        FrameHeight = 480,
        Background = BackgroundKind.NoisyTexture,
        Coverage = 0.45,
        RotationDegrees = -9,
        Keystone = 0.04,
        Format = PhotoFormat.Png,
        Degradations = degradations,
    };

    private static (SyntheticDocumentPhoto Photo, Mat Image) Render(Degradations degradations, int seed = 31)
    {
        var photo = SyntheticDocumentGenerator.Generate(Spec(degradations, seed));
        return (photo, photo.Decode());
    }

    [Fact]
    public void Gaussian_and_motion_blur_lower_the_laplacian_variance()
    {
        var (_, sharp) = Render(Degradations.None);
        var (blurredPhoto, blurred) = Render(new Degradations { GaussianBlurSigma = 2.5 });
        var (_, smeared) = Render(new Degradations { MotionBlurLength = 15, MotionBlurAngleDegrees = 30 });
        using (sharp)
        using (blurred)
        using (smeared)
        {
            double reference = ImageMeasures.LaplacianVariance(sharp);
            Assert.True(ImageMeasures.LaplacianVariance(blurred) < reference * 0.3);
            Assert.True(ImageMeasures.LaplacianVariance(smeared) < reference * 0.5);
            Assert.Contains("gaussian_blur=2.5", blurredPhoto.Truth.Degradations);
        }
    }

    [Fact]
    public void Darkness_lowers_and_overexposure_raises_the_mean()
    {
        var (_, normal) = Render(Degradations.None);
        var (_, dark) = Render(new Degradations { Darkness = 0.6 });
        var (_, bright) = Render(new Degradations { Overexposure = 0.6 });
        using (normal)
        using (dark)
        using (bright)
        {
            double mean = ImageMeasures.MeanGray(normal);
            Assert.InRange(ImageMeasures.MeanGray(dark), mean * 0.35, mean * 0.45);
            Assert.True(ImageMeasures.MeanGray(bright) > mean * 1.3);
        }
    }

    [Fact]
    public void Glare_on_document_whitens_the_document_but_background_glare_leaves_it_untouched()
    {
        var (clean, plain) = Render(Degradations.None);
        var (_, onDocument) = Render(new Degradations { GlareOnDocument = true });
        var (_, onBackground) = Render(new Degradations { GlareOnBackground = true });
        using (plain)
        using (onDocument)
        using (onBackground)
        using (var inside = ImageMeasures.QuadMask(plain.Size(), clean.Truth.Corners!, 2))
        using (var quad = ImageMeasures.QuadMask(plain.Size(), clean.Truth.Corners!, 0))
        using (var outside = new Mat())
        {
            Cv2.BitwiseNot(quad, outside);
            double baseline = ImageMeasures.NearWhiteShare(plain, inside);
            Assert.True(ImageMeasures.NearWhiteShare(onDocument, inside) > baseline + 0.03,
                $"glare share {ImageMeasures.NearWhiteShare(onDocument, inside):F3} vs {baseline:F3}");

            Assert.Equal(baseline, ImageMeasures.NearWhiteShare(onBackground, inside));
            Assert.Equal(0, ImageMeasures.MaxAbsDiff(plain, onBackground, inside));
            Assert.True(ImageMeasures.NearWhiteShare(onBackground, outside) > ImageMeasures.NearWhiteShare(plain, outside) + 0.005);
        }
    }

    [Fact]
    public void No_document_shows_only_the_background()
    {
        var spec = Spec(new Degradations { NoDocument = true });
        var empty = SyntheticDocumentGenerator.Generate(spec);
        var withDocument = SyntheticDocumentGenerator.Generate(spec with { Degradations = Degradations.None });
        using var emptyImage = empty.Decode();
        using var documentImage = withDocument.Decode();
        using var background = SyntheticDocumentGenerator.RenderBackground(spec);

        Assert.False(empty.Truth.DocumentPresent);
        Assert.Null(empty.Truth.Corners);
        Assert.Null(empty.Truth.Holder);
        Assert.Empty(empty.Truth.MrzLines);
        Assert.Equal(0, ImageMeasures.MaxAbsDiff(emptyImage, background));

        // Where the document would be, the empty photo differs clearly from the one with a document.
        using var inside = ImageMeasures.QuadMask(emptyImage.Size(), withDocument.Truth.Corners!, 3);
        using var diff = new Mat();
        Cv2.Absdiff(emptyImage, documentImage, diff);
        Assert.True(Cv2.Mean(diff, inside).Val0 > 20);
    }

    [Fact]
    public void Sensor_noise_has_about_the_requested_sigma()
    {
        var (_, clean) = Render(Degradations.None);
        var (_, noisy) = Render(new Degradations { NoiseSigma = 8 });
        using (clean)
        using (noisy)
        using (var a = new Mat())
        using (var b = new Mat())
        using (var diff = new Mat())
        {
            clean.ConvertTo(a, MatType.CV_32FC3);
            noisy.ConvertTo(b, MatType.CV_32FC3);
            Cv2.Subtract(b, a, diff);
            Cv2.MeanStdDev(diff.Reshape(1), out _, out var std);
            Assert.InRange(std.Val0, 6, 9);
        }
    }

    [Fact]
    public void Jpeg_quality_tiny_frame_and_mild_rotation_are_applied_and_reported()
    {
        var spec = Spec(Degradations.None) with { Format = PhotoFormat.Jpeg };
        var good = SyntheticDocumentGenerator.Generate(spec);
        var poor = SyntheticDocumentGenerator.Generate(spec with { Degradations = new Degradations { JpegQuality = 25 } });
        Assert.True(poor.Bytes.Length < good.Bytes.Length * 0.6);
        Assert.Contains("jpeg_quality=25", poor.Truth.Degradations);

        var tiny = SyntheticDocumentGenerator.Generate(spec with { Degradations = new Degradations { Tiny = true } });
        using (var image = tiny.Decode())
        {
            Assert.Equal((320, 240), (image.Cols, image.Rows));
        }

        Assert.Equal((320, 240), (tiny.Width, tiny.Height));
        Assert.Contains("tiny", tiny.Truth.Degradations);

        var mild = SyntheticDocumentGenerator.Generate(spec with { Degradations = new Degradations { MildRotationDegrees = 4 } });
        Assert.Equal(4, mild.Truth.RotationDegrees);
        Assert.Equal(0, mild.Truth.Keystone);
        Assert.Contains("mild_rotation=4", mild.Truth.Degradations);
        var c = mild.Truth.Corners!;
        double angle = Math.Atan2(-(c[1].Y - c[0].Y), c[1].X - c[0].X) * 180 / Math.PI;
        Assert.InRange(angle, 3.9, 4.1);
    }

    [Fact]
    public void Invalid_specs_are_rejected_with_a_clear_exception()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticDocumentGenerator.Generate(Spec(Degradations.None) with { RotationDegrees = 40 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticDocumentGenerator.Generate(Spec(new Degradations { MildRotationDegrees = 8 })));
        Assert.Throws<ArgumentException>(() => SyntheticDocumentGenerator.Generate(Spec(new Degradations { NoDocument = true, GlareOnDocument = true })));
    }
}

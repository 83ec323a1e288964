using KycOcr.Samples;

namespace KycOcr.Samples.Tests;

public class DeterminismTests
{
    private static DocumentPhotoSpec Spec(int seed, PhotoFormat format) => new()
    {
        Seed = seed,
        Kind = DocumentKind.PassportTd3,
        FrameWidth = 480,
        FrameHeight = 360,
        Background = BackgroundKind.Busy,
        Coverage = 0.5,
        RotationDegrees = 12,
        Keystone = 0.06,
        Format = format,
        Degradations = new Degradations { GlareOnDocument = true, GaussianBlurSigma = 0.8, NoiseSigma = 4, MotionBlurLength = 5 },
    };

    [Theory]
    [InlineData(PhotoFormat.Png)]
    [InlineData(PhotoFormat.Jpeg)]
    public void Same_spec_gives_identical_bytes_and_truth(PhotoFormat format)
    {
        var a = SyntheticDocumentGenerator.Generate(Spec(77, format));
        var b = SyntheticDocumentGenerator.Generate(Spec(77, format));
        Assert.Equal(a.Bytes, b.Bytes);
        Assert.Equal(GroundTruthJson.Serialize(a.Truth), GroundTruthJson.Serialize(b.Truth));
    }

    [Fact]
    public void Different_seed_gives_different_data_and_image()
    {
        var a = SyntheticDocumentGenerator.Generate(Spec(1, PhotoFormat.Png));
        var b = SyntheticDocumentGenerator.Generate(Spec(2, PhotoFormat.Png));
        Assert.NotEqual(a.Truth.MrzLines, b.Truth.MrzLines);
        Assert.NotEqual(a.Truth.Holder!.DocumentNumber, b.Truth.Holder!.DocumentNumber);
        Assert.NotEqual(a.Bytes, b.Bytes);
    }

    [Fact]
    public void Degradations_do_not_change_data_or_placement_for_the_same_seed()
    {
        var clean = SyntheticDocumentGenerator.Generate(Spec(5, PhotoFormat.Png) with { Degradations = Degradations.None });
        var degraded = SyntheticDocumentGenerator.Generate(Spec(5, PhotoFormat.Png));
        Assert.Equal(clean.Truth.MrzLines, degraded.Truth.MrzLines);
        Assert.Equal(clean.Truth.Corners, degraded.Truth.Corners);
    }

    [Fact]
    public void Flat_render_is_deterministic()
    {
        using var a = SyntheticDocumentGenerator.RenderFlatDocument(DocumentKind.IdCardTd1, 9);
        using var b = SyntheticDocumentGenerator.RenderFlatDocument(DocumentKind.IdCardTd1, 9);
        Assert.Equal(a.Encode(), b.Encode());
        Assert.Equal(1027, a.Image.Cols);
        Assert.Equal(648, a.Image.Rows);
    }
}

using System.Diagnostics;
using KycOcr.Samples;
using Xunit.Abstractions;

namespace KycOcr.Samples.Tests;

public class PhotoTests(ITestOutputHelper output)
{
    [Fact]
    public void Specimen_photo_is_a_sharp_well_lit_1600x1200_jpeg()
    {
        var photo = SyntheticDocumentGenerator.SpecimenPhoto(DocumentKind.IdCardTd1, 7);
        Assert.Equal(PhotoFormat.Jpeg, photo.Format);
        Assert.Equal((byte)0xFF, photo.Bytes[0]);
        Assert.Equal((byte)0xD8, photo.Bytes[1]);
        Assert.Equal((1600, 1200), (photo.Width, photo.Height));
        Assert.Empty(photo.Truth.Degradations);
        Assert.InRange(photo.Truth.Coverage, 0.5, 0.62);
        Assert.InRange(Math.Abs(photo.Truth.RotationDegrees), 0, 5);

        using var image = photo.Decode();
        using var inside = ImageMeasures.QuadMask(image.Size(), photo.Truth.Corners!, 10);
        Assert.InRange(OpenCvSharp.Cv2.Mean(image, inside).Val0, 120, 250);
        Assert.True(ImageMeasures.LaplacianVariance(image) > 100);
    }

    [Fact]
    public void A_crop_holds_the_document_and_the_asked_margin()
    {
        var photo = SyntheticDocumentGenerator.SpecimenPhoto(DocumentKind.PassportTd3, 7);
        var corners = photo.Truth.Corners!;
        double width = corners.Max(c => c.X) - corners.Min(c => c.X), height = corners.Max(c => c.Y) - corners.Min(c => c.Y);

        using var tight = OpenCvSharp.Cv2.ImDecode(photo.CroppedToDocument(0), OpenCvSharp.ImreadModes.Color);
        using var wide = OpenCvSharp.Cv2.ImDecode(photo.CroppedToDocument(0.05), OpenCvSharp.ImreadModes.Color);

        Assert.InRange(tight.Cols, width, width + 2);
        Assert.InRange(tight.Rows, height, height + 2);
        Assert.InRange(wide.Cols, 1.1 * width - 1, 1.1 * width + 3);
    }

    [Fact]
    public void Full_resolution_4032x3024_photo()
    {
        var spec = new DocumentPhotoSpec
        {
            Seed = 42,
            Kind = DocumentKind.PassportTd3,
            FrameWidth = 4032,
            FrameHeight = 3024,
            Background = BackgroundKind.Busy,
            Coverage = 0.6,
            RotationDegrees = 10,
            Keystone = 0.05,
            Degradations = new Degradations { GlareOnDocument = true, NoiseSigma = 3 },
        };
        var timer = Stopwatch.StartNew();
        var photo = SyntheticDocumentGenerator.Generate(spec);
        output.WriteLine($"4032x3024 JPEG generated in {timer.ElapsedMilliseconds} ms ({photo.Bytes.Length / 1024} KiB)");

        using var image = photo.Decode();
        Assert.Equal((4032, 3024), (image.Cols, image.Rows));
        Assert.All(photo.Truth.Corners!, c =>
        {
            Assert.InRange(c.X, 0, 4031);
            Assert.InRange(c.Y, 0, 3023);
        });
        Assert.InRange(photo.Truth.Coverage, 0.5, 0.62);
    }
}

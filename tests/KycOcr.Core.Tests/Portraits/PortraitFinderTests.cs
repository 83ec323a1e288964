using KycOcr.Core.Portraits;
using KycOcr.Core.Preprocessing;
using KycOcr.Samples;
using KycOcr.TestSupport.Quality;
using OpenCvSharp;

namespace KycOcr.Core.Tests.Portraits;

/// <summary>The portrait on synthetic documents (an invented, drawn face), through the job's preprocessing and OpenCV.</summary>
public sealed class PortraitFinderTests
{
    public static TheoryData<DocumentKind, int> Documents() => new()
    {
        { DocumentKind.IdCardTd1, 3 }, { DocumentKind.IdCardTd1, 11 }, { DocumentKind.CardTd2, 5 },
        { DocumentKind.CardTd2, 17 }, { DocumentKind.PassportTd3, 7 }, { DocumentKind.PassportTd3, 23 },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_drawn_face_is_found_in_the_photo_field_and_cropped(DocumentKind kind, int seed)
    {
        var photo = SyntheticDocumentGenerator.SpecimenPhoto(kind, seed);

        var prepared = Assert.IsType<PreparedImage.Accepted>(JobPreprocessing.Create(portraits: true).Prepare(photo.Bytes));

        var portrait = Assert.IsType<FoundPortrait>(prepared.Portrait);
        using var page = Cv2.ImDecode(prepared.Jpeg, ImreadModes.Color);
        // Every synthetic layout puts the photo in the left third, between the header and the MRZ.
        var centreX = (portrait.Box.X + portrait.Box.Width / 2.0) / page.Width;
        var centreY = (portrait.Box.Y + portrait.Box.Height / 2.0) / page.Height;
        Assert.InRange(centreX, 0.04, 0.33);
        Assert.InRange(centreY, 0.15, 0.68);
        using var crop = Cv2.ImDecode(portrait.Jpeg, ImreadModes.Color);
        Assert.True(crop.Width > portrait.Box.Width && crop.Height > portrait.Box.Height, $"crop {crop.Width}x{crop.Height} of {portrait.Box}");
    }

    [Theory]
    [InlineData(BackgroundKind.Plain, 1)]
    [InlineData(BackgroundKind.NoisyTexture, 2)]
    [InlineData(BackgroundKind.Busy, 3)]
    [InlineData(BackgroundKind.Tiles, 4)]
    public void A_background_without_a_document_shows_no_portrait(BackgroundKind background, int seed)
    {
        using var scene = SyntheticDocumentGenerator.RenderBackground(SyntheticDocumentGenerator.SpecimenSpec(DocumentKind.IdCardTd1, seed) with { Background = background });

        Assert.Null(JobPreprocessing.Portraits.Find(scene));
    }

    [Fact]
    public void With_portraits_off_an_accepted_page_has_none()
    {
        var photo = SyntheticDocumentGenerator.SpecimenPhoto(DocumentKind.IdCardTd1, 3);

        var prepared = Assert.IsType<PreparedImage.Accepted>(JobPreprocessing.Create(portraits: false).Prepare(photo.Bytes));

        Assert.Null(prepared.Portrait);
    }

    [Fact]
    public void A_crop_at_the_page_edge_stays_within_the_page()
    {
        using var page = new Mat(200, 300, MatType.CV_8UC3, Scalar.All(128));

        using var crop = Cv2.ImDecode(PortraitFinder.Crop(page, new PortraitBox(0, 150, 60, 50), 90), ImreadModes.Color);

        Assert.Equal(84, crop.Width);
        Assert.Equal(75, crop.Height);
    }

    [Theory]
    [InlineData(DocumentKind.IdCardTd1, 52)]
    [InlineData(DocumentKind.IdCardTd1, 55)]
    [InlineData(DocumentKind.CardTd2, 54)]
    public void A_cards_front_shows_the_portrait_and_no_zone_and_its_back_the_zone_and_no_portrait(DocumentKind kind, int seed)
    {
        var preprocessor = JobPreprocessing.Create(portraits: true);
        byte[] Photo(CardSide side) => SyntheticDocumentGenerator.Generate(SyntheticDocumentGenerator.SpecimenSpec(kind, seed) with { Side = side }).Bytes;

        PreparedImage.Accepted Accepted(PreparedImage prepared) =>
            prepared as PreparedImage.Accepted ?? throw new Xunit.Sdk.XunitException(System.Text.Json.JsonSerializer.Serialize(((PreparedImage.Refused)prepared).Error, KycJson.Options));
        var front = Accepted(preprocessor.Prepare(Photo(CardSide.Front)));
        var back = Accepted(preprocessor.Prepare(Photo(CardSide.Back)));

        Assert.NotNull(front.Portrait);
        Assert.False(front.Mrz.Found);
        Assert.Null(back.Portrait);
        Assert.True(back.Mrz.Valid);
    }
}

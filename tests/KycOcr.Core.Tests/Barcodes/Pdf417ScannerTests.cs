using KycOcr.Core.Preprocessing;
using KycOcr.Samples;
using KycOcr.TestSupport.Quality;

namespace KycOcr.Core.Tests.Barcodes;

/// <summary>
/// Photographed backs of invented licences (perspective, light, blur, noise, JPEG), through the job's preprocessing:
/// the barcode is found and every field it carries comes out exactly.
/// </summary>
public sealed class Pdf417ScannerTests
{
    [Theory]
    [InlineData(1, 1600, 1200, 80, 1.0)]
    [InlineData(2, 1600, 1200, 80, 1.0)]
    [InlineData(3, 1600, 1200, 80, 1.0)]
    [InlineData(4, 1600, 1200, 70, 1.3)]
    [InlineData(5, 4032, 3024, 85, 2.0)]
    [InlineData(6, 1280, 960, 90, 0.6)]
    [InlineData(7, 1200, 1600, 75, 1.0)]
    [InlineData(8, 1920, 1080, 70, 1.2)]
    public void Every_field_of_a_photographed_licence_back_is_read_exactly(int seed, int width, int height, int jpegQuality, double blurSigma)
    {
        var photo = AamvaLicence.Generate(seed, width, height, jpegQuality, blurSigma);

        var prepared = Assert.IsType<PreparedImage.Accepted>(JobPreprocessing.Create().Prepare(photo.Bytes));

        var barcode = Assert.IsType<Core.Barcodes.BarcodeReading>(prepared.Barcode);
        var truth = photo.Truth;
        Assert.Equal((truth.DocumentType, truth.IssuingCountry, truth.IssuingRegion), (barcode.DocumentType, barcode.IssuingCountry, barcode.IssuingRegion));
        var f = barcode.Fields;
        Assert.Equal(truth.Surname, f.Surname?.Value);
        Assert.Equal(truth.GivenNames, f.GivenNames?.Value);
        Assert.Equal(truth.DocumentNumber, f.DocumentNumber?.Value);
        Assert.Equal(truth.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), f.DateOfBirth?.Value);
        Assert.Equal(truth.DateOfIssue.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), f.DateOfIssue?.Value);
        Assert.Equal(truth.DateOfExpiry.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), f.DateOfExpiry?.Value);
        Assert.Equal(truth.Sex, f.Sex?.Value);
        Assert.Equal(truth.Address, f.Address?.Value);
    }

    [Fact]
    public void A_page_without_a_barcode_has_none()
    {
        using var page = SyntheticDocumentGenerator.RenderFlatDocument(DocumentKind.PassportTd3, 3);
        using var bgr = page.Image.Channels() == 4 ? page.Image.CvtColor(OpenCvSharp.ColorConversionCodes.BGRA2BGR) : page.Image.Clone();

        Assert.Null(Core.Barcodes.Pdf417Scanner.Read(bgr));
    }
}

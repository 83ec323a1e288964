using System.Globalization;
using System.Net;
using KycOcr.Samples;
using KycOcr.TestSupport.Model;
using KycOcr.TestSupport.Storage;

namespace KycOcr.LocalHost.Tests;

/// <summary>The back of an invented North American licence over HTTP, offline: every field from its PDF417 barcode.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LicenceBarcodeTests(AzuriteFixture azurite) : LocalServiceTestBase(azurite.ConnectionString, ("EXTRACTOR", "offline"))
{
    [Fact]
    public async Task A_licence_back_is_read_from_its_barcode_with_its_issuing_state()
    {
        var photo = AamvaLicence.Generate(11);

        var result = await Client.WaitForResultAsync((await Client.SubmitAsync(photo.Bytes)).Id);

        Assert.True(result.Status == HttpStatusCode.OK, result.ToString());
        var truth = photo.Truth;
        var document = result.Body.GetProperty("document");
        Assert.Equal(truth.DocumentType, document.GetProperty("type").GetString());
        Assert.Equal(truth.IssuingCountry, document.GetProperty("issuing_country").GetString());
        Assert.Equal(truth.IssuingRegion, document.GetProperty("issuing_region").GetString());
        var fields = result.Body.GetProperty("fields");
        Assert.Equal(truth.Surname, fields.GetProperty("surname").GetProperty("value").GetString());
        Assert.Equal(truth.DocumentNumber, fields.GetProperty("document_number").GetProperty("value").GetString());
        Assert.Equal(truth.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), fields.GetProperty("date_of_birth").GetProperty("value").GetString());
        Assert.Equal("barcode", fields.GetProperty("surname").GetProperty("source").GetString());
        Assert.Equal("offline-barcode", result.Body.GetProperty("model").GetString());
        var page = result.Body.GetProperty("pages")[0];
        Assert.Equal("back", page.GetProperty("side").GetString());
        Assert.Equal("AAMVA", page.GetProperty("barcode").GetProperty("standard").GetString());
    }
}

/// <summary>A vision model's reading of a licence back, checked against the barcode on it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LicenceBarcodeVerificationTests(AzuriteFixture azurite) : LocalServiceTestBase(azurite.ConnectionString)
{
    [Fact]
    public async Task The_models_fields_are_checked_against_the_barcode_and_its_header_names_the_document()
    {
        var photo = AamvaLicence.Generate(12);
        var truth = photo.Truth;
        static object Field(string value) => new { value, raw = value };
        Model.Default = ModelReply.Document(new
        {
            document = new { type = "other", issuing_country = truth.IssuingCountry },
            fields = new Dictionary<string, object?>
            {
                ["surname"] = Field(truth.Surname),
                ["given_names"] = Field(truth.GivenNames.ToLowerInvariant()),
                ["document_number"] = Field(truth.DocumentNumber + "9"),
                ["nationality"] = null,
                ["date_of_birth"] = Field(truth.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ["sex"] = null,
                ["place_of_birth"] = null,
                ["date_of_issue"] = null,
                ["date_of_expiry"] = Field(truth.DateOfExpiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ["issuing_authority"] = null,
                ["personal_number"] = null,
                ["address"] = null,
            },
        });

        var result = await Client.WaitForResultAsync((await Client.SubmitAsync(photo.Bytes)).Id);

        Assert.True(result.Status == HttpStatusCode.OK, result.ToString());
        Assert.Equal(truth.DocumentType, result.Body.GetProperty("document").GetProperty("type").GetString());
        Assert.Equal(truth.IssuingRegion, result.Body.GetProperty("document").GetProperty("issuing_region").GetString());
        var barcode = result.Body.GetProperty("verification").GetProperty("barcode");
        var fields = barcode.GetProperty("fields");
        Assert.Equal("agrees", fields.GetProperty("surname").GetString());
        Assert.Equal("agrees", fields.GetProperty("given_names").GetString());
        Assert.Equal("disagrees", fields.GetProperty("document_number").GetString());
        Assert.Equal("not_read", fields.GetProperty("sex").GetString());
        Assert.Equal("agrees", fields.GetProperty("date_of_expiry").GetString());
        Assert.False(barcode.GetProperty("all_agree").GetBoolean());
        Assert.Equal(1, result.Body.GetProperty("fields").GetProperty("surname").GetProperty("page").GetInt32());
    }
}

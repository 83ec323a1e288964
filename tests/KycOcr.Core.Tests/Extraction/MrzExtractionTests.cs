using System.Text.Json;
using KycOcr.Core.Configuration;
using KycOcr.Core.Extraction;
using KycOcr.Core.Mrz;
using KycOcr.Core.Mrz.Reading;
using KycOcr.Core.Preprocessing;
using KycOcr.Samples;
using KycOcr.TestSupport.Documents;
using KycOcr.TestSupport.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenCvSharp;

namespace KycOcr.Core.Tests.Extraction;

/// <summary>The offline extractor and the model's MRZ verification, on generated documents as the preprocessing hands them over.</summary>
public sealed class MrzExtractionTests : IAsyncLifetime
{
    private LoopbackModelServer _model = null!;

    public async Task InitializeAsync() => _model = await LoopbackModelServer.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    private static (byte[] Jpeg, MrzHolderFields Truth) Upright(DocumentKind kind, int seed)
    {
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(kind, seed);
        using var image = UprightDocuments.Render(flat, UprightDegradation.None, seed);
        return (image.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, 90)), flat.Truth.Holder!);
    }

    // As the job hands it over: the preprocessing's JPEG and the MRZ it read from the upload.
    private static PreparedDocument Prepared(ServiceProvider services, byte[] upload)
    {
        var prepared = Assert.IsType<PreparedImage.Accepted>(services.GetRequiredService<IImagePreprocessor>().Prepare(upload));
        return new PreparedDocument(prepared.Jpeg, prepared.Mrz);
    }

    private static ServiceProvider Services(params (string Name, string Value)[] settings) =>
        new ServiceCollection().AddLogging().AddKycOcrCore(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(s => s.Name, s => (string?)s.Value)).Build()).BuildServiceProvider();

    [Theory]
    [InlineData(DocumentKind.PassportTd3, 21)]
    [InlineData(DocumentKind.IdCardTd1, 22)]
    [InlineData(DocumentKind.CardTd2, 23)]
    public async Task Offline_fills_the_schema_from_a_valid_mrz(DocumentKind kind, int seed)
    {
        var (jpeg, truth) = Upright(kind, seed);
        await using var services = Services(("EXTRACTOR", "offline"));
        var extractor = services.GetRequiredService<IDocumentExtractor>();

        var read = await extractor.ExtractAsync(Prepared(services, jpeg), CancellationToken.None);

        Assert.IsType<OfflineMrzExtractor>(extractor);
        Assert.Equal(truth.Surname, read.Fields.Surname!.Value);
        Assert.Equal(truth.GivenNames, read.Fields.GivenNames?.Value ?? "");
        Assert.Equal(truth.DocumentNumber, read.Fields.DocumentNumber!.Value);
        Assert.Equal(truth.BirthDate, read.Fields.DateOfBirth!.Value);
        Assert.Equal(truth.ExpiryDate, read.Fields.DateOfExpiry!.Value);
        Assert.Equal("mrz", read.Fields.Surname.Source);
        Assert.Null(read.Fields.PlaceOfBirth);
        Assert.Null(read.Usage);
        Assert.True(read.Mrz!.Valid);
        Assert.True(read.Verification!.AllAgree);
    }

    [Fact]
    public async Task Offline_rejects_a_photo_without_an_mrz()
    {
        using var blank = new Mat(646, 1024, MatType.CV_8UC3, new Scalar(200, 210, 220));
        await using var services = Services(("EXTRACTOR", "offline"));

        var rejected = await Assert.ThrowsAsync<DocumentRejectedException>(() =>
            services.GetRequiredService<IDocumentExtractor>().ExtractAsync(
                new PreparedDocument(blank.ImEncode(".jpg"), services.GetRequiredService<MrzImageReader>().Read(blank, DateOnly.FromDateTime(DateTime.UtcNow))),
                CancellationToken.None));

        Assert.Equal(ExtractionErrorCodes.MrzNotFound, rejected.Code);
    }

    [Fact]
    public async Task The_model_reading_comes_back_with_the_mrz_and_a_field_by_field_verification()
    {
        var (jpeg, truth) = Upright(DocumentKind.PassportTd3, 24);
        _model.Default = ModelReply.Document(new
        {
            document = new { type = "passport", issuing_country = truth.IssuingState },
            fields = new Dictionary<string, object?>
            {
                ["surname"] = new { value = truth.Surname, raw = truth.Surname },
                ["given_names"] = new { value = truth.GivenNames, raw = truth.GivenNames },
                ["document_number"] = new { value = truth.DocumentNumber, raw = truth.DocumentNumber },
                ["nationality"] = new { value = truth.Nationality, raw = truth.Nationality },
                ["date_of_birth"] = new { value = "1901-01-01", raw = "01 JAN 1901" }, // misread by the model
                ["sex"] = new { value = truth.Sex, raw = truth.Sex },
                ["place_of_birth"] = null,
                ["date_of_issue"] = null,
                ["date_of_expiry"] = new { value = truth.ExpiryDate, raw = truth.ExpiryDate },
                ["issuing_authority"] = null,
                ["personal_number"] = null,
                ["address"] = null,
            },
        });
        await using var services = Services(("OPENAI_BASE_URL", _model.OpenAiBaseUrl.ToString()));

        var read = await services.GetRequiredService<IDocumentExtractor>().ExtractAsync(Prepared(services, jpeg), CancellationToken.None);

        var verification = read.Verification!;
        Assert.Equal("agrees", verification.Fields["surname"]);
        Assert.Equal("agrees", verification.Fields["document_number"]);
        Assert.Equal("disagrees", verification.Fields["date_of_birth"]);
        Assert.False(verification.AllAgree);
        Assert.Equal("model", read.Fields.Surname!.Source);
        Assert.NotEmpty(read.Mrz!.Lines);
    }

    [Fact]
    public async Task Verification_can_be_turned_off_for_the_model_path()
    {
        var (jpeg, _) = Upright(DocumentKind.PassportTd3, 25);
        await using var services = Services(("OPENAI_BASE_URL", _model.OpenAiBaseUrl.ToString()), ("MRZ_VERIFICATION", "false"));

        var read = await services.GetRequiredService<IDocumentExtractor>().ExtractAsync(Prepared(services, jpeg), CancellationToken.None);

        Assert.IsType<OpenAiVisionExtractor>(services.GetRequiredService<IDocumentExtractor>());
        Assert.Null(read.Mrz);
        Assert.Null(read.Verification);
    }
}

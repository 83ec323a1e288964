using System.Net;
using KycOcr.Samples;
using KycOcr.TestSupport.Http;
using KycOcr.TestSupport.Images;
using KycOcr.TestSupport.Storage;

namespace KycOcr.LocalHost.Tests;

/// <summary>Several pages in one job, over HTTP: each page preprocessed, the fields read where they are, every page reported.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MultiPageTests(AzuriteFixture azurite) : LocalServiceTestBase(azurite.ConnectionString, ("EXTRACTOR", "offline"))
{
    private static readonly Lazy<byte[]> IdCardBack = new(() => SyntheticDocumentGenerator.SpecimenPhoto(DocumentKind.IdCardTd1, 31).Bytes);

    [Fact]
    public async Task A_refused_page_does_not_sink_the_job_when_another_page_reads()
    {
        var submitted = await Client.SubmitAsync(ServiceClient.Form(("image", DocumentPhotos.Blurry()), ("image", DocumentPhoto)));
        Assert.Equal(HttpStatusCode.Accepted, submitted.Status);

        var result = await Client.WaitForResultAsync(submitted.Id);

        Assert.True(result.Status == HttpStatusCode.OK, result.ToString());
        Assert.Equal("mrz", result.Body.GetProperty("fields").GetProperty("surname").GetProperty("source").GetString());
        var pages = result.Body.GetProperty("pages").EnumerateArray().ToArray();
        Assert.Equal([1, 2], pages.Select(p => p.GetProperty("page").GetInt32()));
        Assert.False(pages[0].GetProperty("accepted").GetBoolean());
        Assert.Equal("quality_rejected", pages[0].GetProperty("error").GetProperty("code").GetString());
        Assert.True(pages[1].GetProperty("accepted").GetBoolean());
        Assert.Equal("data_page", pages[1].GetProperty("side").GetString());
        Assert.True(pages[1].GetProperty("mrz").GetProperty("valid").GetBoolean());
        await AssertNoBlobsLeftAsync(submitted.Id);
    }

    [Fact]
    public async Task Front_and_back_the_fields_come_from_the_backs_mrz_and_the_sides_are_told()
    {
        var submitted = await Client.SubmitAsync(ServiceClient.Form(("front", SimpleImages.Encode(1200, 800)), ("back", IdCardBack.Value)));

        var result = await Client.WaitForResultAsync(submitted.Id);

        Assert.True(result.Status == HttpStatusCode.OK, result.ToString());
        Assert.Equal("TD1", result.Body.GetProperty("mrz").GetProperty("format").GetString());
        var pages = result.Body.GetProperty("pages").EnumerateArray().ToArray();
        Assert.Equal(["front", "back"], pages.Select(p => p.GetProperty("side").GetString()));
        await AssertNoBlobsLeftAsync(submitted.Id);
    }

    [Fact]
    public async Task When_no_page_can_be_read_the_job_is_refused_with_every_pages_report()
    {
        var submitted = await Client.SubmitAsync(ServiceClient.Form(("image", DocumentPhotos.Blurry()), ("image", DocumentPhotos.Blurry())));

        var result = await Client.WaitForResultAsync(submitted.Id);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.Status);
        Assert.Equal("quality_rejected", result.Code);
        var pages = result.Body.GetProperty("pages").EnumerateArray().ToArray();
        Assert.Equal(2, pages.Length);
        Assert.All(pages, p => Assert.Equal("quality_rejected", p.GetProperty("error").GetProperty("code").GetString()));
        Assert.All(pages, p => Assert.False(p.GetProperty("quality").GetProperty("accepted").GetBoolean()));
    }

    [Fact]
    public async Task A_bad_page_is_named_and_nothing_is_stored()
    {
        var reply = await Client.SubmitAsync(ServiceClient.Form(("image", DocumentPhoto), ("back", "name,passport\nA,123\n"u8.ToArray())));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, reply.Status);
        Assert.Equal("not_an_image", reply.Code);
        Assert.Equal(2, reply.Body.GetProperty("page").GetInt32());
        Assert.StartsWith("Page 2: ", reply.Body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(await AllUploadBlobsAsync());
    }

    [Fact]
    public async Task More_pages_than_MAX_PAGES_are_refused()
    {
        var reply = await Client.SubmitAsync(ServiceClient.Form([.. Enumerable.Repeat(("image", DocumentPhoto), 5)]));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("too_many_pages", reply.Code);
        Assert.Empty(await AllUploadBlobsAsync());
    }

    [Fact]
    public async Task A_synthetic_cards_front_and_back_give_the_portrait_from_the_front_and_the_fields_from_the_backs_mrz()
    {
        SyntheticDocumentPhoto Side(CardSide side) => SyntheticDocumentGenerator.Generate(SyntheticDocumentGenerator.SpecimenSpec(DocumentKind.IdCardTd1, 52) with { Side = side });
        var front = Side(CardSide.Front);
        var back = Side(CardSide.Back);

        var result = await Client.WaitForResultAsync((await Client.SubmitAsync(ServiceClient.Form(("image", front.Bytes), ("image", back.Bytes)))).Id);

        Assert.True(result.Status == HttpStatusCode.OK, result.ToString());
        var pages = result.Body.GetProperty("pages").EnumerateArray().ToArray();
        Assert.Equal(["front", "back"], pages.Select(p => p.GetProperty("side").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Object, pages[0].GetProperty("portrait").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, pages[1].GetProperty("portrait").ValueKind);
        var surname = result.Body.GetProperty("fields").GetProperty("surname");
        Assert.Equal(back.Truth.Holder!.Surname, surname.GetProperty("value").GetString());
        Assert.Equal(("mrz", 2), (surname.GetProperty("source").GetString(), surname.GetProperty("page").GetInt32()));
        Assert.Empty(front.Truth.MrzLines);
    }
}

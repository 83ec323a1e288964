using System.Net;
using System.Text.Json;
using KycOcr.TestSupport.Hosting;
using KycOcr.TestSupport.Http;
using KycOcr.TestSupport.Images;
using KycOcr.TestSupport.Storage;
using OpenCvSharp;

namespace KycOcr.LocalHost.Tests;

/// <summary>The holder's portrait over HTTP: its box in the result, its crop for the submitting key alone, gone with the job.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PortraitTests(AzuriteFixture azurite) : LocalServiceTestBase(azurite.ConnectionString, ("EXTRACTOR", "offline"))
{
    [Fact]
    public async Task The_portrait_is_boxed_in_the_result_and_served_to_its_owner_alone_until_the_job_is_erased()
    {
        var submitted = await Client.SubmitAsync(DocumentPhoto);
        var result = await Client.WaitForResultAsync(submitted.Id);
        Assert.True(result.Status == HttpStatusCode.OK, result.ToString());
        var box = result.Body.GetProperty("pages")[0].GetProperty("portrait");

        var (reply, jpeg) = await Client.PortraitAsync(submitted.Id);

        Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
        Assert.Equal("image/jpeg", reply.Headers["Content-Type"]);
        Assert.Equal("no-store", reply.Headers["Cache-Control"]);
        using (var crop = Cv2.ImDecode(jpeg!, ImreadModes.Color))
            Assert.True(crop.Width >= box.GetProperty("width").GetInt32() && crop.Height >= box.GetProperty("height").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await Client.PortraitAsync(submitted.Id, page: "1")).Reply.Status);
        Assert.Equal("task_not_found", (await Client.PortraitAsync(submitted.Id, KycOcrTestHost.OtherApiKey)).Reply.Code);
        Assert.Equal("invalid_page", (await Client.PortraitAsync(submitted.Id, page: "2")).Reply.Code);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.PortraitAsync(submitted.Id, apiKey: null)).Reply.Status);
        // The job's end took its upload and prepared image; the crop alone stays, with the result.
        Assert.Equal([$"{submitted.Id}/portrait-1.jpg"], await Store.ListJobBlobsAsync(submitted.Id));

        Assert.Equal(HttpStatusCode.NoContent, (await Client.EraseAsync(submitted.Id)).Status);

        Assert.Equal("task_not_found", (await Client.PortraitAsync(submitted.Id)).Reply.Code);
        Assert.Empty(await Store.ListJobBlobsAsync(submitted.Id));
    }

    [Fact]
    public async Task A_page_that_shows_no_face_has_a_null_portrait_and_no_crop()
    {
        var submitted = await Client.SubmitAsync(ServiceClient.Form(("front", SimpleImages.Encode(1200, 800)), ("back", DocumentPhoto)));
        var result = await Client.WaitForResultAsync(submitted.Id);
        Assert.True(result.Status == HttpStatusCode.OK, result.ToString());

        var pages = result.Body.GetProperty("pages").EnumerateArray().ToArray();
        Assert.Equal(JsonValueKind.Null, pages[0].GetProperty("portrait").ValueKind);
        Assert.Equal(JsonValueKind.Object, pages[1].GetProperty("portrait").ValueKind);
        Assert.Equal("portrait_not_found", (await Client.PortraitAsync(submitted.Id, page: "1")).Reply.Code);
        Assert.Equal(HttpStatusCode.OK, (await Client.PortraitAsync(submitted.Id)).Reply.Status);
    }
}

/// <summary>With <c>PORTRAITS_ENABLED=false</c> no face is looked for and nothing biometric is kept.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PortraitsOffTests(AzuriteFixture azurite)
    : LocalServiceTestBase(azurite.ConnectionString, ("EXTRACTOR", "offline"), ("PORTRAITS_ENABLED", "false"))
{
    [Fact]
    public async Task No_portrait_is_found_kept_or_served()
    {
        var submitted = await Client.SubmitAsync(DocumentPhoto);
        var result = await Client.WaitForResultAsync(submitted.Id);

        Assert.True(result.Status == HttpStatusCode.OK, result.ToString());
        Assert.Equal(JsonValueKind.Null, result.Body.GetProperty("pages")[0].GetProperty("portrait").ValueKind);
        Assert.Equal("portrait_not_found", (await Client.PortraitAsync(submitted.Id)).Reply.Code);
        Assert.Empty(await Store.ListJobBlobsAsync(submitted.Id));
    }
}

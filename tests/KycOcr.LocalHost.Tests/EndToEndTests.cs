using System.Net;
using System.Text.Json;
using Azure.Storage.Blobs;
using KycOcr.Core.Storage;
using KycOcr.Samples;
using KycOcr.TestSupport;
using KycOcr.TestSupport.Hosting;
using KycOcr.TestSupport.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KycOcr.LocalHost.Tests;

/// <summary>Submit, poll and read the result over real HTTP, as a client would.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EndToEndTests(AzuriteFixture azurite) : LocalServiceTestBase(azurite.ConnectionString)
{
    [Fact]
    public async Task Submit_then_poll_returns_the_model_fields_and_leaves_no_upload_behind()
    {
        var submitted = await Client.SubmitAsync(DocumentPhoto);
        Assert.Equal(HttpStatusCode.Accepted, submitted.Status);
        Assert.Equal(TimeSpan.FromSeconds(2), submitted.RetryAfter);

        var result = await Client.WaitForResultAsync(submitted.Id);

        Assert.True(result.Status == HttpStatusCode.OK, result.ToString());
        Assert.Equal(submitted.Id, result.Body.GetProperty("id").GetString());
        Assert.Equal("ERIKSSON", result.Body.GetProperty("fields").GetProperty("surname").GetProperty("value").GetString());
        Assert.Single(Model.Requests);
        await AssertNoBlobsLeftAsync(submitted.Id);
    }

    [Fact]
    public async Task Another_key_cannot_see_the_job()
    {
        var submitted = await Client.SubmitAsync(DocumentPhoto);
        await Client.WaitForResultAsync(submitted.Id);

        var seenByOther = await Client.StatusAsync(submitted.Id, KycOcrTestHost.OtherApiKey);

        Assert.Equal(HttpStatusCode.NotFound, seenByOther.Status);
        Assert.Equal("Task ID not found", seenByOther.Body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Health_reports_storage_and_model_without_secrets()
    {
        var health = await Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.Status);
        Assert.Equal("ok", health.Body.GetProperty("status").GetString());
        Assert.True(health.Body.GetProperty("storage").GetProperty("reachable").GetBoolean());
        Assert.Equal("openai", health.Body.GetProperty("model").GetProperty("extractor").GetString());
        Assert.True(health.Body.GetProperty("model").GetProperty("reachable").GetBoolean());
        Assert.DoesNotContain(KycOcrTestHost.ApiKey, health.Text);
        Assert.DoesNotContain("AccountKey", health.Text);
        Assert.DoesNotContain(Model.BaseAddress.Port.ToString(), health.Text);
    }

    [Fact]
    public async Task Unknown_route_gets_a_json_404()
    {
        var reply = await Client.GetAsync("/docs/nothing");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("not_found", reply.Code);
    }
}

/// <summary>A document dropped into the inbox container is picked up by the local host too (it polls; Azure uses Event Grid).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InboxDropTests(AzuriteFixture azurite) : LocalServiceTestBase(azurite.ConnectionString)
{
    [Fact]
    public async Task A_dropped_document_gets_a_result_blob_and_the_drop_is_deleted()
    {
        var inbox = Service.Services.GetRequiredService<InboxStore>();
        var container = Service.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(inbox.InboxContainerName);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient("drop/passport.jpg").UploadAsync(BinaryData.FromBytes(DocumentPhoto));

        var result = await Poll.UntilAsync(() => inbox.ReadResultAsync("drop/passport.jpg.result.json"), r => r is not null,
            TimeSpan.FromSeconds(30), "the inbox job's result blob", TimeSpan.FromMilliseconds(200));

        using var json = JsonDocument.Parse(result);
        Assert.Equal("succeeded", json.RootElement.GetProperty("status").GetString());
        Assert.False(await container.GetBlobClient("drop/passport.jpg").ExistsAsync());
        // An inbox job reports where the face is, and keeps no crop of it.
        var taskId = json.RootElement.GetProperty("id").GetString()!;
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("result").GetProperty("pages")[0].GetProperty("portrait").ValueKind);
        Assert.Empty(await Store.ListJobBlobsAsync(taskId));
        Assert.Equal("portrait_not_found", (await Client.PortraitAsync(taskId)).Reply.Code);
        Assert.Equal(HttpStatusCode.OK, (await Client.WaitForResultAsync(json.RootElement.GetProperty("id").GetString()!)).Status);
    }
}

/// <summary>The embedded default: no model at all, the fields read from the machine-readable zone.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OfflineEndToEndTests(AzuriteFixture azurite) : LocalServiceTestBase(azurite.ConnectionString, ("EXTRACTOR", "offline"))
{
    [Theory]
    [InlineData(DocumentKind.PassportTd3, 31)]
    [InlineData(DocumentKind.IdCardTd1, 40)]
    public async Task A_specimen_photo_is_read_from_its_mrz_without_any_model(DocumentKind kind, int seed)
    {
        var photo = SyntheticDocumentGenerator.SpecimenPhoto(kind, seed);

        var submitted = await Client.SubmitAsync(photo.Bytes);
        var result = await Client.WaitForResultAsync(submitted.Id);

        Assert.True(result.Status == HttpStatusCode.OK, result.ToString());
        var fields = result.Body.GetProperty("fields");
        Assert.Equal(photo.Truth.Holder!.Surname, fields.GetProperty("surname").GetProperty("value").GetString());
        Assert.Equal(photo.Truth.Holder.DocumentNumber, fields.GetProperty("document_number").GetProperty("value").GetString());
        Assert.Equal(photo.Truth.Holder.BirthDate, fields.GetProperty("date_of_birth").GetProperty("value").GetString());
        Assert.Equal("mrz", fields.GetProperty("surname").GetProperty("source").GetString());
        Assert.True(result.Body.GetProperty("mrz").GetProperty("valid").GetBoolean());
        Assert.True(result.Body.GetProperty("quality").GetProperty("document").GetProperty("found").GetBoolean());
        Assert.Equal("offline-mrz", result.Body.GetProperty("model").GetString());
        Assert.Empty(Model.Requests);
        await AssertNoBlobsLeftAsync(submitted.Id);
    }

    [Fact]
    public async Task A_blurry_photo_is_refused_with_the_failed_checks()
    {
        var spec = SyntheticDocumentGenerator.SpecimenSpec(DocumentKind.PassportTd3, 33) with
        {
            Degradations = new Degradations { GaussianBlurSigma = 9 },
        };

        var submitted = await Client.SubmitAsync(SyntheticDocumentGenerator.Generate(spec).Bytes);
        var result = await Client.WaitForResultAsync(submitted.Id);

        Assert.True(result.Status == HttpStatusCode.UnprocessableEntity, result.ToString());
        Assert.Equal("quality_rejected", result.Code);
        Assert.Contains(result.Body.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "blur");
        await AssertNoBlobsLeftAsync(submitted.Id);
    }
}

/// <summary>A document of several pages dropped into the inbox: a folder of pages, then the manifest that starts their one job.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InboxManifestTests(AzuriteFixture azurite) : LocalServiceTestBase(azurite.ConnectionString, ("EXTRACTOR", "offline"))
{
    [Fact]
    public async Task A_folder_of_pages_and_its_manifest_are_one_job_and_all_are_deleted_at_its_end()
    {
        var (inbox, container) = await InboxAsync();
        await container.GetBlobClient("pair.pages/front.jpg").UploadAsync(BinaryData.FromBytes(KycOcr.TestSupport.Images.SimpleImages.Encode(1200, 800)));
        await container.GetBlobClient("pair.pages/back.jpg").UploadAsync(BinaryData.FromBytes(DocumentPhoto));
        await Task.Delay(1500);
        // The pages alone start nothing.
        Assert.Null(await inbox.ReadResultAsync("pair.pages/back.jpg.result.json"));

        await container.GetBlobClient("pair.pages.json").UploadAsync(BinaryData.FromString(
            """{"pages": [{"blob": "front.jpg", "side": "front"}, {"blob": "back.jpg", "side": "back"}]}"""));
        var result = await Poll.UntilAsync(() => inbox.ReadResultAsync("pair.pages.json.result.json"), r => r is not null,
            TimeSpan.FromSeconds(60), "the manifest's result blob", TimeSpan.FromMilliseconds(200));

        using var json = JsonDocument.Parse(result);
        Assert.Equal("succeeded", json.RootElement.GetProperty("status").GetString());
        var pages = json.RootElement.GetProperty("result").GetProperty("pages").EnumerateArray().ToArray();
        Assert.Equal(["front", "data_page"], pages.Select(p => p.GetProperty("side").GetString()));
        Assert.Equal(2, json.RootElement.GetProperty("result").GetProperty("fields").GetProperty("surname").GetProperty("page").GetInt32());
        await Poll.UntilAsync(() => CountAsync(container), n => n == 0, TimeSpan.FromSeconds(10), "the drop to be deleted");
        Assert.Null(await inbox.ReadResultAsync("pair.pages/back.jpg.result.json"));
    }

    [Fact]
    public async Task A_manifest_naming_a_page_that_is_not_there_is_rejected_with_the_page_named()
    {
        var (inbox, container) = await InboxAsync();

        await container.GetBlobClient("lost.pages.json").UploadAsync(BinaryData.FromString("""{"pages": [{"blob": "back.jpg"}]}"""));
        var result = await Poll.UntilAsync(() => inbox.ReadResultAsync("lost.pages.json.result.json"), r => r is not null,
            TimeSpan.FromSeconds(30), "the manifest's result blob", TimeSpan.FromMilliseconds(200));

        using var json = JsonDocument.Parse(result);
        Assert.Equal("rejected", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("invalid_manifest", json.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("back.jpg", json.RootElement.GetProperty("error").GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private static async Task<int> CountAsync(BlobContainerClient container)
    {
        var count = 0;
        await foreach (var _ in container.GetBlobsAsync())
            count++;
        return count;
    }

    private async Task<(InboxStore Inbox, BlobContainerClient Container)> InboxAsync()
    {
        var inbox = Service.Services.GetRequiredService<InboxStore>();
        var container = Service.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(inbox.InboxContainerName);
        await container.CreateIfNotExistsAsync();
        return (inbox, container);
    }
}

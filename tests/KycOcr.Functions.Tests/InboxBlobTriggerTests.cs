using System.Text.Json;
using Azure.Storage.Blobs;
using KycOcr.Core;
using KycOcr.Core.Http;
using KycOcr.Core.Jobs;
using KycOcr.Core.Storage;
using KycOcr.Functions.Tests.Http;
using KycOcr.Samples;
using KycOcr.TestSupport.Hosting;
using KycOcr.TestSupport.Storage;
using Microsoft.AspNetCore.Http;

namespace KycOcr.Functions.Tests;

/// <summary>The Event Grid blob trigger, called with a real blob in Azurite, on the in-process durable engine.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InboxBlobTriggerTests(AzuriteFixture azurite) : FunctionTestBase(azurite)
{
    private BlobContainerClient Container(string setting) =>
        Host.Get<BlobServiceClient>().GetBlobContainerClient(Host.Configuration[setting]);

    private async Task<(BlobClient Blob, string TaskId)> DropAsync(string name, byte[] bytes)
    {
        var inbox = Container("INBOX_CONTAINER");
        await inbox.CreateIfNotExistsAsync();
        var blob = inbox.GetBlobClient(name);
        var uploaded = await blob.UploadAsync(BinaryData.FromBytes(bytes), overwrite: true);
        return (blob, InboxJobStarter.TaskIdFor(inbox.Name, name, uploaded.Value.ETag.ToString()));
    }

    private Task FireAsync(BlobClient blob) => new InboxBlobTrigger(Host.Get<InboxJobStarter>()).Run(blob, Host.Client, CancellationToken.None);

    [Fact]
    public async Task A_dropped_document_is_read_once_even_when_the_event_comes_twice()
    {
        var photo = SyntheticDocumentGenerator.SpecimenPhoto(DocumentKind.PassportTd3, seed: 11).Bytes;
        var (blob, taskId) = await DropAsync("bank-a/customer-17/passport.jpg", photo);

        await FireAsync(blob);
        await FireAsync(blob);
        await Host.WaitForJobAsync(taskId);
        await FireAsync(blob); // a late redelivery, after the job ended and the blob is gone

        Assert.Single(Model.Requests);
        Assert.False(await blob.ExistsAsync());
        Assert.Empty(await Host.Get<BlobJobStore>().ListJobBlobsAsync(taskId));
        var result = (await Host.Get<InboxStore>().ReadResultAsync("bank-a/customer-17/passport.jpg.result.json"))!;
        using var json = JsonDocument.Parse(result);
        Assert.Equal(taskId, json.RootElement.GetProperty("id").GetString());
        Assert.Equal("succeeded", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("ERIKSSON", json.RootElement.GetProperty("result").GetProperty("fields").GetProperty("surname").GetProperty("value").GetString());

        // Any of the service's keys may read an inbox job through GET /id.
        var status = await FunctionCall.Request(Host, "GET", $"/id?task_id={taskId}", KycOcrTestHost.OtherApiKey)
            .ExecuteAsync(r => new TaskStatusFunction(Host.Get<TaskStatusHandler>()).Run(r, Host.Client, CancellationToken.None));
        Assert.Equal(StatusCodes.Status200OK, status.Status);
    }

    [Fact]
    public async Task An_unreadable_drop_gets_a_result_saying_why()
    {
        var (blob, taskId) = await DropAsync("notes.txt", "not a photo"u8.ToArray());

        await FireAsync(blob);
        await Host.WaitForJobAsync(taskId);

        var result = (await Host.Get<InboxStore>().ReadResultAsync("notes.txt.result.json"))!;
        using var json = JsonDocument.Parse(result);
        Assert.Equal("rejected", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(ErrorCodes.NotAnImage, json.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.False(await blob.ExistsAsync());
        Assert.Empty(Model.Requests);
    }

    [Fact]
    public void The_task_id_depends_on_container_name_and_etag_only()
    {
        var id = InboxJobStarter.TaskIdFor("inbox", "a/b.jpg", "\"0x8DC1\"");

        Assert.Equal(id, InboxJobStarter.TaskIdFor("inbox", "a/b.jpg", "0x8DC1"));
        Assert.NotEqual(id, InboxJobStarter.TaskIdFor("inbox", "a/b.jpg", "0x8DC2"));
        Assert.NotEqual(id, InboxJobStarter.TaskIdFor("inbox", "a/c.jpg", "0x8DC1"));
        Assert.True(TaskIds.IsWellFormed(id));
        Assert.Equal('8', id[14]);
    }
}

using System.Net;
using Azure.Storage.Blobs;
using KycOcr.Core.Storage;
using KycOcr.Samples;
using KycOcr.TestSupport;
using KycOcr.TestSupport.Hosting;
using KycOcr.TestSupport.Http;
using KycOcr.TestSupport.Model;
using KycOcr.TestSupport.Storage;

namespace KycOcr.LocalHost.Tests;

/// <summary>The host killed with SIGKILL while jobs are in flight, then started again: every accepted job finishes once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RestartTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private LoopbackModelServer _model = null!;

    public async Task InitializeAsync() => _model = await LoopbackModelServer.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task Jobs_in_flight_when_the_host_is_killed_complete_after_a_restart()
    {
        var settings = LocalServiceTestBase.Settings(azurite.ConnectionString, _model);
        settings["MODEL_TIMEOUT_SECONDS"] = "4";
        settings["WORK_ITEM_VISIBILITY_SECONDS"] = "10";
        _model.Default = ModelReply.Delayed(TimeSpan.FromSeconds(2), ModelReply.Document(SampleDocuments.Passport()));
        var port = ServeProcess.FreePort();
        var photo = SyntheticDocumentGenerator.SpecimenPhoto(DocumentKind.IdCardTd1, seed: 3).Bytes;

        var ids = new List<string>();
        await using (var first = await ServeProcess.StartAsync(settings, port))
        {
            using var client = new ServiceClient(first.Address);
            for (var i = 0; i < 4; i++)
            {
                var submitted = await client.SubmitAsync(photo);
                Assert.True(submitted.Status == HttpStatusCode.Accepted, submitted.ToString());
                ids.Add(submitted.Id);
            }
            await Poll.UntilAsync(() => _model.Requests.Count >= 1, TimeSpan.FromSeconds(30), "the first model call");
            await first.KillAsync();
        }

        await using var second = await ServeProcess.StartAsync(settings, port);
        using var again = new ServiceClient(second.Address);
        foreach (var id in ids)
        {
            var result = await again.WaitForResultAsync(id, TimeSpan.FromSeconds(90));
            Assert.True(result.Status == HttpStatusCode.OK, $"{id}: {result}");
            // The outcome is final: asking again gives the same answer.
            Assert.Equal(result.Text, (await again.StatusAsync(id)).Text);
        }

        var uploads = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(settings["UPLOADS_CONTAINER"]);
        // Only the portrait crops stay, with their results.
        await foreach (var blob in uploads.GetBlobsAsync())
            Assert.True(BlobJobStore.IsPortraitBlob(blob.Name), $"Left behind: {blob.Name}");
    }
}

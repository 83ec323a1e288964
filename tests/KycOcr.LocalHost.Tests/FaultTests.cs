using System.Net;
using KycOcr.TestSupport.Http;
using KycOcr.TestSupport.Model;
using KycOcr.TestSupport.Storage;

namespace KycOcr.LocalHost.Tests;

/// <summary>Model and storage failures, seen by a client over HTTP; no upload is left behind after any of them.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FaultTests(AzuriteFixture azurite) : LocalServiceTestBase(azurite.ConnectionString, ("MODEL_TIMEOUT_SECONDS", "1"))
{
    [Fact]
    public async Task Model_429_then_200_completes_on_the_retry()
    {
        Model.Enqueue(ModelReply.Status(429));

        var submitted = await Client.SubmitAsync(DocumentPhoto);
        var result = await Client.WaitForResultAsync(submitted.Id);

        Assert.True(result.Status == HttpStatusCode.OK, result.ToString());
        Assert.Equal(2, Model.Requests.Count);
        await AssertNoBlobsLeftAsync(submitted.Id);
    }

    [Fact]
    public async Task Model_500_until_retries_run_out_fails_with_a_safe_message()
    {
        Model.Default = ModelReply.Status(500);

        var submitted = await Client.SubmitAsync(DocumentPhoto);
        var result = await Client.WaitForResultAsync(submitted.Id);

        Assert.True(result.Status == HttpStatusCode.InternalServerError, result.ToString());
        Assert.Equal("extraction_failed", result.Code);
        Assert.Equal(4, Model.Requests.Count);
        await AssertNoBlobsLeftAsync(submitted.Id);
    }

    [Fact]
    public async Task Model_hanging_past_the_time_out_is_retried()
    {
        Model.Enqueue(ModelReply.Delayed(TimeSpan.FromSeconds(5), ModelReply.Document(SampleDocuments.Passport())));

        var submitted = await Client.SubmitAsync(DocumentPhoto);
        var result = await Client.WaitForResultAsync(submitted.Id);

        Assert.True(result.Status == HttpStatusCode.OK, result.ToString());
        Assert.Equal(2, Model.Requests.Count);
        await AssertNoBlobsLeftAsync(submitted.Id);
    }
}

/// <summary>Storage stopped under a running service: submits answer 503 and keep nothing; service recovers.</summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    // Its own Azurite: stopping the collection's would disturb other tests.
    private Azurite _azurite = null!;

    public async Task InitializeAsync() => _azurite = await Azurite.StartNewAsync();

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    private sealed class Service(string storage) : LocalServiceTestBase(storage)
    {
        public ServiceClient Api => Client;
        public Task<IReadOnlyList<string>> BlobsAsync() => AllUploadBlobsAsync();
        public static byte[] Photo => DocumentPhoto;
        public string Log => Logs.All;
    }

    [Fact]
    public async Task Submit_while_storage_is_down_gets_503_json_and_the_service_recovers()
    {
        var service = new Service(_azurite.ConnectionString);
        await service.InitializeAsync();
        try
        {
            // Healthy first, so a cached answer would show below.
            Assert.Equal(HttpStatusCode.OK, (await service.Api.GetAsync("/health")).Status);
            await _azurite.StopAsync();
            var refused = await service.Api.SubmitAsync(Service.Photo);

            Assert.True(refused.Status == HttpStatusCode.ServiceUnavailable, refused.ToString());
            Assert.Equal("storage_unavailable", refused.Code);
            Assert.Equal(TimeSpan.FromSeconds(30), refused.RetryAfter);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await service.Api.GetAsync("/health")).Status);

            await _azurite.StartAsync();
            Assert.Empty(await service.BlobsAsync());
            var accepted = await service.Api.SubmitAsync(Service.Photo);
            Assert.True(accepted.Status == HttpStatusCode.Accepted, accepted + "\n" + service.Log);
            Assert.Equal(HttpStatusCode.OK, (await service.Api.WaitForResultAsync(accepted.Id)).Status);
        }
        finally
        {
            await service.DisposeAsync();
        }
    }
}

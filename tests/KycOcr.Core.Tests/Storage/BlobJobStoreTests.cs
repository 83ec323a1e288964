using KycOcr.Core.Configuration;
using KycOcr.Core.Storage;
using KycOcr.TestSupport.Storage;
using Microsoft.Extensions.Options;

namespace KycOcr.Core.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class BlobJobStoreTests(AzuriteFixture azurite)
{
    private static BlobJobStore Store(string connectionString) =>
        new(ServiceCollectionExtensions.CreateBlobServiceClient(new StorageOptions { ConnectionString = connectionString }),
            Options.Create(new StorageOptions { UploadsContainer = "store-" + Guid.NewGuid().ToString("N")[..12] }));

    [Fact]
    public async Task Saves_reads_and_deletes_every_blob_of_a_job_only()
    {
        var store = Store(azurite.ConnectionString);
        await store.SaveAsync("job-a/upload.jpg", BinaryData.FromString("a"), "image/jpeg");
        await store.SaveAsync("job-a/preprocessed.jpg", BinaryData.FromString("b"), "image/jpeg");
        await store.SaveAsync("job-ab/upload.jpg", BinaryData.FromString("c"), "image/jpeg");

        Assert.Equal("a", (await store.ReadAsync("job-a/upload.jpg"))!.ToString());
        Assert.Equal(2, await store.DeleteJobBlobsAsync("job-a"));

        Assert.Null(await store.ReadAsync("job-a/upload.jpg"));
        Assert.Empty(await store.ListJobBlobsAsync("job-a"));
        Assert.Single(await store.ListJobBlobsAsync("job-ab"));
    }

    [Fact]
    public async Task Unreachable_storage_is_reported_as_unavailable()
    {
        await using var stopped = await Azurite.StartNewAsync();
        await stopped.StopAsync();
        var store = Store(stopped.ConnectionString);

        await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            store.SaveAsync("job/upload.jpg", BinaryData.FromString("x"), "image/jpeg"));
    }
}

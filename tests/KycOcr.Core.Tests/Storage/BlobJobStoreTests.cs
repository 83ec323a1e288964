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

    [Fact]
    public async Task The_end_of_a_job_deletes_its_work_and_keeps_its_portraits_until_it_is_erased()
    {
        var store = Store(azurite.ConnectionString);
        await store.SaveAsync(BlobJobStore.UploadBlobName("job-p", ".jpg"), BinaryData.FromString("a"), "image/jpeg");
        await store.SaveAsync(BlobJobStore.PreprocessedBlobName("job-p", 1), BinaryData.FromString("b"), "image/jpeg");
        await store.SaveAsync(BlobJobStore.PortraitBlobName("job-p", 0), BinaryData.FromString("c"), "image/jpeg");

        Assert.Equal(2, await store.DeleteJobWorkBlobsAsync("job-p"));
        Assert.Equal(["job-p/portrait-1.jpg"], await store.ListJobBlobsAsync("job-p"));
        Assert.Equal(1, await store.DeleteJobBlobsAsync("job-p"));
        Assert.Empty(await store.ListJobBlobsAsync("job-p"));
    }
}

using KycOcr.Core.Configuration;
using KycOcr.Core.Jobs;
using KycOcr.Core.Storage;
using KycOcr.TestSupport.Hosting;
using KycOcr.TestSupport.Images;
using KycOcr.TestSupport.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KycOcr.Core.Tests.Jobs;

/// <summary>The retention purge on the in-process engine and Azurite, with the clock moved instead of waiting.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RetentionPurgeTests(AzuriteFixture azurite)
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static RetentionPurge PurgeAt(KycOcrTestHost host, DateTimeOffset now) =>
        new(host.Get<BlobJobStore>(), host.Get<InboxStore>(), host.Get<IOptions<JobOptions>>(), new FixedClock(now), NullLogger<RetentionPurge>.Instance);

    private static async Task<string> RunRejectedJobAsync(KycOcrTestHost host)
    {
        var (taskId, _) = await host.RunJobAsync(SimpleImages.CorruptJpeg(400, 300));
        return taskId;
    }

    [Fact]
    public async Task Finished_jobs_are_kept_for_the_ttl_then_forgotten_with_any_stray_blob()
    {
        var settings = KycOcrTestHost.DefaultSettings(azurite.ConnectionString);
        settings["RESULT_TTL"] = "1800";
        await using var host = await KycOcrTestHost.StartAsync(settings);
        var taskId = await RunRejectedJobAsync(host);
        var store = host.Get<BlobJobStore>();
        var stray = BlobJobStore.UploadBlobName(TaskIds.New(), ".jpg");
        await store.SaveAsync(stray, BinaryData.FromBytes([1, 2, 3]), "image/jpeg");

        var early = await PurgeAt(host, DateTimeOffset.UtcNow.AddMinutes(29)).RunAsync(host.Client, CancellationToken.None);

        Assert.Equal(new PurgeSummary(0, 0, 0), early);
        Assert.NotNull(await host.Client.GetInstanceAsync(taskId));

        var late = await PurgeAt(host, DateTimeOffset.UtcNow.AddHours(1)).RunAsync(host.Client, CancellationToken.None);

        Assert.Equal(new PurgeSummary(1, 1, 0), late);
        Assert.Null(await host.Client.GetInstanceAsync(taskId));
        Assert.Null(await store.ReadAsync(stray));
    }
}

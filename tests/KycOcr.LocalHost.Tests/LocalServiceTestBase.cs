using Azure.Storage.Blobs;
using KycOcr.Core.Storage;
using KycOcr.Samples;
using KycOcr.TestSupport.Hosting;
using KycOcr.TestSupport.Http;
using KycOcr.TestSupport.Logging;
using KycOcr.TestSupport.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KycOcr.LocalHost.Tests;

/// <summary>
/// A fresh <c>kycocr serve</c> service per test, in this process, on its own task hub and uploads container
/// in the collection's Azurite, reading through a loopback OpenAI-compatible model server.
/// </summary>
public abstract class LocalServiceTestBase(string storageConnectionString, params (string Name, string Value)[] settings) : IAsyncLifetime
{
    private static readonly Lazy<byte[]> Specimen = new(() => SyntheticDocumentGenerator.SpecimenPhoto(DocumentKind.PassportTd3, seed: 7).Bytes);

    protected LoopbackModelServer Model { get; private set; } = null!;

    protected LocalService Service { get; private set; } = null!;

    protected ServiceClient Client { get; private set; } = null!;

    /// <summary>Everything the service logged, to look for leaks and to explain failures.</summary>
    protected CapturedLogs Logs { get; } = new();

    /// <summary>A sharp, well-lit generated passport photo (invented data).</summary>
    protected static byte[] DocumentPhoto => Specimen.Value;

    protected BlobJobStore Store => Service.Services.GetRequiredService<BlobJobStore>();

    /// <summary>The test host's settings plus what <c>kycocr serve</c> alone reads: its own task hub, and a short redelivery.</summary>
    public static Dictionary<string, string?> Settings(string storageConnectionString, LoopbackModelServer model, params (string Name, string Value)[] overrides) =>
        KycOcrTestHost.SettingsFor(storageConnectionString, model,
            [("TASK_HUB_NAME", "t" + Guid.NewGuid().ToString("N")[..16]), ("WORK_ITEM_VISIBILITY_SECONDS", "15"), .. overrides]);

    public async Task InitializeAsync()
    {
        Model = await LoopbackModelServer.StartAsync();
        var values = Settings(storageConnectionString, Model, settings);
        Service = await LocalService.StartAsync(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), "http://127.0.0.1:0",
            logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Information));
        Client = new ServiceClient(Service.Addresses[0]);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Service.DisposeAsync();
        await Model.DisposeAsync();
    }

    /// <summary>Every blob in the uploads container, whatever job wrote it.</summary>
    protected async Task<IReadOnlyList<string>> AllUploadBlobsAsync()
    {
        var container = Service.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(Store.ContainerName);
        var names = new List<string>();
        if (!await container.ExistsAsync())
            return names;
        await foreach (var blob in container.GetBlobsAsync())
            names.Add(blob.Name);
        return names;
    }

    /// <summary>Nothing of the job is left in storage but its portrait crops, which stay with its result.</summary>
    protected async Task AssertNoBlobsLeftAsync(string taskId) =>
        Assert.DoesNotContain(await Store.ListJobBlobsAsync(taskId), name => !BlobJobStore.IsPortraitBlob(name));
}

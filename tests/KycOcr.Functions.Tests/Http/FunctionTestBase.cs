using KycOcr.Core.Http;
using KycOcr.TestSupport.Hosting;
using KycOcr.TestSupport.Model;
using KycOcr.TestSupport.Storage;
using Microsoft.AspNetCore.Http;

namespace KycOcr.Functions.Tests.Http;

/// <summary>A fresh service per test: the in-process durable host on Azurite, reading through a loopback model server.</summary>
public abstract class FunctionTestBase(AzuriteFixture azurite, params (string Name, string Value)[] settings) : IAsyncLifetime
{
    protected LoopbackModelServer Model { get; private set; } = null!;

    protected KycOcrTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Model = await LoopbackModelServer.StartAsync();
        Host = await KycOcrTestHost.StartAsync(KycOcrTestHost.SettingsFor(azurite.ConnectionString, Model, settings));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Model.DisposeAsync();
    }

    protected Task<FunctionResponse> PostReadTextAsync(HttpRequest request) =>
        request.ExecuteAsync(r => new ReadTextFunction(Host.Get<ReadTextHandler>()).Run(r, Host.Client, CancellationToken.None));
}

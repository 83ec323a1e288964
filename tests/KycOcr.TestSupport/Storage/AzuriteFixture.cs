using Xunit;

namespace KycOcr.TestSupport.Storage;

/// <summary>
/// One Azurite for a test collection; tests isolate themselves by container names. xunit wants the
/// collection definition in the test assembly itself, so each test project declares one.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    public Azurite Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public string ConnectionString => Azurite.ConnectionString;

    public async Task InitializeAsync() => _azurite = await Azurite.StartNewAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
            await _azurite.DisposeAsync();
    }
}

using KycOcr.TestSupport.Storage;

namespace KycOcr.LocalHost.Tests;

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

using KycOcr.TestSupport.Storage;

namespace KycOcr.Cli.Tests;

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

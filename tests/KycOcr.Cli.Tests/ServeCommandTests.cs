using Microsoft.Extensions.Configuration;

namespace KycOcr.Cli.Tests;

/// <summary><c>kycocr serve</c> refusing to start: nothing listens, and stderr says why without the key.</summary>
public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("@Microsoft.KeyVault(VaultName=kv-kycocr;SecretName=api-keys)", "unresolved Key Vault reference")]
    [InlineData("short-key1", "is 10 characters long")]
    public async Task Keys_that_would_fail_open_stop_the_start(string keys, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["API_KEYS"] = keys }).Build();
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await KycOcrCli.RunAsync(["serve", "--urls", "http://127.0.0.1:0"], configuration, stdout, stderr);

        Assert.Equal(ExitCodes.Error, exit);
        Assert.DoesNotContain("listening", stdout.ToString());
        Assert.Contains(expected, stderr.ToString());
        Assert.DoesNotContain(keys, stderr.ToString());
    }
}

using KycOcr.Core.Auth;
using KycOcr.Core.Configuration;
using Microsoft.Extensions.Options;

namespace KycOcr.Core.Tests.Auth;

public sealed class ApiKeyAuthenticatorTests
{
    private static ApiKeyAuthenticator For(string? keys, string? key = null) =>
        new(Options.Create(new ApiOptions { ApiKeys = keys, ApiKey = key }));

    [Fact]
    public void Accepts_each_configured_key_and_names_owners_apart()
    {
        var auth = For(" alpha-key , beta-key ", key: "gamma-key");

        var alpha = auth.Authenticate("alpha-key");
        var beta = auth.Authenticate("beta-key");
        var gamma = auth.Authenticate("gamma-key");

        Assert.NotNull(alpha);
        Assert.NotNull(beta);
        Assert.NotNull(gamma);
        Assert.Equal(3, new[] { alpha, beta, gamma }.Distinct().Count());
        Assert.Equal(alpha, auth.Authenticate("alpha-key"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("alpha")]
    [InlineData("alpha-key ")]
    [InlineData("ALPHA-KEY")]
    public void Refuses_missing_and_wrong_keys(string? presented)
    {
        Assert.Null(For("alpha-key").Authenticate(presented));
    }

    [Fact]
    public void Owner_id_does_not_contain_the_key()
    {
        var owner = For("alpha-key").Authenticate("alpha-key")!;

        Assert.DoesNotContain("alpha", owner, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void No_configured_key_lets_nobody_in()
    {
        var auth = For(null);

        Assert.False(auth.HasKeys);
        Assert.Null(auth.Authenticate("anything"));
    }
}

using System.Text.Json.Nodes;

namespace KycOcr.Deployment.Tests;

/// <summary>
/// The site runs as a user-assigned identity that exists, with its roles, before the site does: the first start
/// pulls the image with it, resolves the API_KEYS reference with it and reaches storage with it.
/// </summary>
public sealed class AppIdentityTests
{
    private static JsonNode Module(string symbolicName) =>
        Resources(BicepCli.MainTemplate()).Single(r => r["name"]?.ToString().Contains(symbolicName, StringComparison.Ordinal) == true
            && r["type"]!.GetValue<string>() == "Microsoft.Resources/deployments");

    private static IEnumerable<JsonNode> Resources(JsonNode template) =>
        template["resources"] switch
        {
            JsonArray array => array.Select(r => r!),
            JsonObject map => map.Select(p => p.Value!),
            _ => [],
        };

    private static JsonNode Site() =>
        Resources(BicepCli.Infra(Path.Combine("modules", "function-app.bicep")).Template!).Single(r => r["type"]!.GetValue<string>() == "Microsoft.Web/sites");

    [Fact]
    public void TheIdentityAndItsRolesComeBeforeTheSite()
    {
        var access = Module("appAccess");
        var site = Module("functionApp");

        // The roles are granted to the user-assigned identity, not to an identity the site would bring.
        Assert.Contains("appIdentity", access["properties"]!["parameters"]!["appPrincipalId"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("functionApp", access.ToJsonString(), StringComparison.Ordinal);
        // And the site waits for them.
        Assert.Contains(site["dependsOn"]!.AsArray(), d => d!.ToString().Contains("appAccess", StringComparison.Ordinal));
    }

    [Fact]
    public void TheSitePullsResolvesAndConnectsWithThatIdentityFromItsFirstStart()
    {
        var site = Site();
        var properties = site["properties"]!;
        var config = properties["siteConfig"]!;

        Assert.Equal("UserAssigned", site["identity"]!["type"]!.GetValue<string>());
        Assert.True(config["acrUseManagedIdentityCreds"]!.GetValue<bool>());
        Assert.Contains("identityClientId", config["acrUserManagedIdentityID"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("identityId", properties["keyVaultReferenceIdentity"]!.GetValue<string>(), StringComparison.Ordinal);
        var settings = config["appSettings"]!.AsArray().ToDictionary(s => s!["name"]!.GetValue<string>(), s => s!["value"]!.ToString());
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Contains("identityClientId", settings["AzureWebJobsStorage__clientId"], StringComparison.Ordinal);
        Assert.Contains("identityClientId", settings["AZURE_CLIENT_ID"], StringComparison.Ordinal);
    }

    [Fact]
    public void TheIdentityHoldsEveryRoleTheAppNeeds()
    {
        var access = File.ReadAllText(Path.Combine(RepoPaths.Infra, "modules", "app-access.bicep"));

        foreach (var role in new[] { "acrPull", "storageBlobDataOwner", "storageQueueDataContributor", "storageTableDataContributor", "keyVaultSecretsUser", "cognitiveServicesOpenAiUser" })
            Assert.Contains($"roles.{role}", access, StringComparison.Ordinal);
    }
}

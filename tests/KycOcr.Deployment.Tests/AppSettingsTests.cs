using KycOcr.TestSupport;
using System.Text.Json.Nodes;

namespace KycOcr.Deployment.Tests;

/// <summary>Infra sets no app setting the README does not document (the platform's own few
/// aside), and the image's ENV names are documented too.</summary>
public sealed class AppSettingsTests
{
    private static IReadOnlySet<string> Platform =>
        RepoPaths.ListFile(Path.Combine(RepoPaths.Infra, "platform-app-settings.txt")).Select(e => e.Value).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void BicepSetsOnlyDocumentedSettings()
    {
        var allowed = ReadmeConfiguration.SettingNames().Union(Platform).ToHashSet(StringComparer.Ordinal);
        var set = AppSettingNames();

        var unknown = set.Except(allowed).ToArray();
        Assert.True(unknown.Length == 0,
            $"infra sets app settings missing from README.md's configuration table: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void BicepSetsTheSettingsAzureNeeds()
    {
        // Identity-based storage, the Key Vault reference and Entra ID auth to Azure OpenAI.
        var set = AppSettingNames();
        string[] required =
        [
            "AzureWebJobsStorage__accountName", "FUNCTIONS_WORKER_RUNTIME", "APPLICATIONINSIGHTS_CONNECTION_STRING",
            "UPLOADS_CONTAINER", "INBOX_CONTAINER", "RESULTS_CONTAINER", "API_KEYS",
            "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_DEPLOYMENT",
        ];
        Assert.All(required, name => Assert.Contains(name, set));
        // Secrets stay out of app settings: no connection string with a key, no model key.
        Assert.DoesNotContain("AzureWebJobsStorage", set);
        Assert.DoesNotContain("AZURE_OPENAI_API_KEY", set);
    }

    [Fact]
    public void ApiKeysComeFromKeyVault()
    {
        var value = AppSettings().Single(s => s.Name == "API_KEYS").Value;

        Assert.Contains("@Microsoft.KeyVault(", value, StringComparison.Ordinal);
    }

    [Fact]
    public void PlatformAllowListHoldsOnlyPlatformNames()
    {
        Assert.All(Platform, name => Assert.True(
            name.StartsWith("WEBSITES_", StringComparison.Ordinal) || name.StartsWith("DOCKER_", StringComparison.Ordinal)
            || name == "FUNCTIONS_EXTENSION_VERSION",
            $"{name} is not a platform setting; document it in README.md's configuration table instead."));
    }

    [Fact]
    public void ImageEnvironmentIsDocumented()
    {
        var undocumented = DockerfileModel.Load(RepoPaths.Dockerfile).FinalStageEnvironment.Keys
            .Except(ReadmeConfiguration.SettingNames()).ToArray();

        Assert.True(undocumented.Length == 0, $"The Dockerfile sets ENV missing from README.md's table: {string.Join(", ", undocumented)}");
    }

    [Fact]
    public void ReadmeTableIsParsedFromItsSection()
    {
        // The parser the checks above rely on: names from the first column, that section only.
        string[] readme =
        [
            "# KycOcr", "| `NOT_THIS` | x |", "## Configuration", "", "| Name | Meaning |", "| --- | --- |",
            "| `API_KEYS` | keys |", "| `RESULT_TTL` | seconds |", "## Next", "| `NOR_THIS` | y |",
        ];

        Assert.Equal(new HashSet<string> { "API_KEYS", "RESULT_TTL" }, ReadmeConfiguration.Parse(readme));
        Assert.ThrowsAny<Exception>(() => ReadmeConfiguration.Parse(["# KycOcr", "| `API_KEYS` | keys |"]));
    }

    private static HashSet<string> AppSettingNames() => AppSettings().Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>App settings of every Microsoft.Web/sites in the compiled main.bicep (modules
    /// are nested templates), from siteConfig.appSettings or a sites/config 'appsettings'.</summary>
    private static List<(string Name, string Value)> AppSettings()
    {
        var template = BicepCli.MainTemplate();
        var settings = new List<(string, string)>();
        var sites = 0;
        foreach (var resource in Resources(template))
        {
            var type = resource["type"]?.GetValue<string>();
            if (type == "Microsoft.Web/sites")
            {
                sites++;
                var list = resource["properties"]?["siteConfig"]?["appSettings"];
                if (list is null)
                    continue;
                Assert.True(list is JsonArray, "siteConfig.appSettings must be a literal list so its names can be checked.");
                foreach (var entry in list.AsArray())
                    settings.Add((entry!["name"]!.GetValue<string>(), entry["value"]?.ToString() ?? string.Empty));
            }
            else if (type == "Microsoft.Web/sites/config" && (resource["name"]?.ToString() ?? string.Empty).Contains("appsettings", StringComparison.Ordinal))
            {
                var properties = resource["properties"];
                Assert.True(properties is JsonObject, "sites/config appsettings must be a literal object so its names can be checked.");
                settings.AddRange(properties!.AsObject().Select(p => (p.Key, p.Value?.ToString() ?? string.Empty)));
            }
        }
        Assert.True(sites > 0, "The compiled main.bicep has no Microsoft.Web/sites resource.");
        Assert.NotEmpty(settings);
        return settings;
    }

    /// <summary>Every resource, however deep: resources are an array or (language version 2) an object.</summary>
    private static IEnumerable<JsonNode> Resources(JsonNode template)
    {
        var resources = template["resources"];
        var items = resources switch
        {
            JsonArray array => array.OfType<JsonNode>(),
            JsonObject map => map.Select(p => p.Value).OfType<JsonNode>(),
            _ => [],
        };
        foreach (var resource in items)
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonNode nested)
            {
                foreach (var inner in Resources(nested))
                    yield return inner;
            }
        }
    }
}

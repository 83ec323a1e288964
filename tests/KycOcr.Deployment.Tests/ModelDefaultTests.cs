using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KycOcr.Deployment.Tests;

/// <summary>The model infra deploys by default is one Azure still serves, and the README says until when.</summary>
public sealed class ModelDefaultTests
{
    private static string Default(string parameter) =>
        BicepCli.MainTemplate()["parameters"]![parameter]!["defaultValue"]!.GetValue<string>();

    [Fact]
    public void TheReadmeGivesTheDefaultModelsRetirementDateAndItIsStillAhead()
    {
        var (name, version) = (Default("openAiModelName"), Default("openAiModelVersion"));

        // A line of infra/README.md such as: `gpt-5.1` version `2025-11-13` ... retires 2027-05-15
        var line = File.ReadAllLines(Path.Combine(RepoPaths.Infra, "README.md"))
            .FirstOrDefault(l => l.Contains($"`{name}` version `{version}`", StringComparison.Ordinal) && l.Contains("retires", StringComparison.Ordinal));
        Assert.True(line is not null, $"infra/README.md names no retirement date for the default model {name} {version}.");
        var retires = Regex.Match(line, @"retires (\d{4}-\d{2}-\d{2})");
        Assert.True(retires.Success, line);
        var date = DateOnly.ParseExact(retires.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Fails once the default is retired: a new deployment of it would be refused.
        Assert.True(date > DateOnly.FromDateTime(DateTime.UtcNow), $"The default model {name} {version} retired on {date:yyyy-MM-dd}: choose its replacement.");
    }

    [Fact]
    public void AzdsParameterFileDefaultsToTheSameModel()
    {
        using var parameters = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Infra, "main.parameters.json")));
        string Substituted(string parameter) =>
            Regex.Match(parameters.RootElement.GetProperty("parameters").GetProperty(parameter).GetProperty("value").GetString()!, @"^\$\{[A-Z_]+=(.*)\}$").Groups[1].Value;

        Assert.Equal(Default("openAiModelName"), Substituted("openAiModelName"));
        Assert.Equal(Default("openAiModelVersion"), Substituted("openAiModelVersion"));
    }

    [Fact]
    public void TheAppIsToldTheModelsFamily()
    {
        var settings = File.ReadAllText(Path.Combine(RepoPaths.Infra, "modules", "function-app.bicep"));

        // The deployment is named 'vision': its name cannot tell the app how to call it.
        Assert.Contains("name: 'MODEL_FAMILY'", settings, StringComparison.Ordinal);
        Assert.Contains("startsWith(openAiModelName, 'gpt-5')", File.ReadAllText(Path.Combine(RepoPaths.Infra, "main.bicep")), StringComparison.Ordinal);
    }
}

using System.Text.Json.Nodes;

namespace KycOcr.Deployment.Tests;

/// <summary>CI's check of infra/ without a subscription: every file compiles and lints clean.</summary>
public sealed class BicepBuildTests
{
    private static string[] RelativeBicepPaths() =>
        Directory.EnumerateFiles(RepoPaths.Infra, "*.bicep", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(RepoPaths.Infra, file))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static TheoryData<string> BicepFiles() => new(RelativeBicepPaths());

    [Fact]
    public void InfraHasTheEntryPointAndModules()
    {
        var files = RelativeBicepPaths();
        Assert.Contains("main.bicep", files);
        Assert.Contains(files, f => f.StartsWith("modules" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void BuildsWithoutWarningsOrErrors(string relativePath)
    {
        var result = BicepCli.Infra(relativePath);

        Assert.True(result.ExitCode == 0 && result.Diagnostics.Count == 0 && result.Template is not null,
            $"bicep build {relativePath} exited {result.ExitCode}:\n{string.Join('\n', result.Diagnostics)}");
    }

    [Fact]
    public void UsesOnlyLocalModules()
    {
        // Registry modules (br:, br/public:, ts:) cannot be restored on these machines.
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Infra, "*.bicep", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("'br:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'br/", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'ts:", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheLinterReallyRuns()
    {
        // Guards the check above against a CLI that stays silent whatever it is given.
        var dir = Directory.CreateTempSubdirectory("bicep-lint-");
        try
        {
            var file = Path.Combine(dir.FullName, "unused.bicep");
            File.WriteAllText(file, "param unused string\n");

            var result = BicepCli.Build(file);

            Assert.Contains(result.Diagnostics, d => d.Contains("no-unused-params", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void ParametersFileMatchesMainParameters()
    {
        var template = BicepCli.MainTemplate();
        var declared = template["parameters"]!.AsObject();
        var supplied = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Infra, "main.parameters.json")))!
            ["parameters"]!.AsObject();

        foreach (var (name, _) in supplied)
            Assert.True(declared.ContainsKey(name), $"main.parameters.json sets '{name}', which main.bicep does not declare.");
        foreach (var (name, definition) in declared)
        {
            var hasDefault = definition!.AsObject().ContainsKey("defaultValue");
            Assert.True(hasDefault || supplied.ContainsKey(name),
                $"main.bicep requires '{name}' but main.parameters.json does not supply it.");
        }
    }
}

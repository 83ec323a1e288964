using System.Text.Json.Nodes;

namespace KycOcr.Deployment.Tests;

/// <summary>The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package. `build` runs the
/// linter too, with infra/bicepconfig.json's rule levels; diagnostics are every line it writes
/// to stderr (a clean build writes none).</summary>
internal static class BicepCli
{
    internal sealed record BuildResult(int ExitCode, IReadOnlyList<string> Diagnostics, JsonNode? Template);

    /// <summary>All of infra/ compiled once per test run: the CLI takes seconds to start.</summary>
    private static readonly Lazy<(int ExitCode, string[] Diagnostics, string OutputDirectory)> s_infra = new(BuildInfra);

    /// <summary>One infra/ file's share of the batch build, and its compiled template.</summary>
    public static BuildResult Infra(string relativePath)
    {
        var (exitCode, diagnostics, outputDirectory) = s_infra.Value;
        var source = Path.Combine(RepoPaths.Infra, relativePath);
        // Lines about this file start with its path; lines naming no .bicep file concern them all.
        var own = diagnostics
            .Where(d => d.StartsWith(source + "(", StringComparison.Ordinal) || !d.Contains(".bicep(", StringComparison.Ordinal))
            .ToArray();
        var output = Path.Combine(outputDirectory, Path.ChangeExtension(relativePath, ".json"));
        var template = File.Exists(output) ? JsonNode.Parse(File.ReadAllText(output)) : null;
        var failed = exitCode != 0 && (own.Length > 0 || template is null);
        return new BuildResult(failed ? exitCode : 0, own, template);
    }

    public static JsonNode MainTemplate() =>
        Infra("main.bicep").Template ?? throw new Xunit.Sdk.XunitException("infra/main.bicep did not compile.");

    /// <summary>A single file outside infra/, for checking the CLI itself.</summary>
    public static BuildResult Build(string bicepFile)
    {
        var result = ProcessRunner.Run(Executable(), ["build", bicepFile, "--stdout"]);
        var template = result.ExitCode == 0 ? JsonNode.Parse(result.StandardOutput) : null;
        return new BuildResult(result.ExitCode, Lines(result.StandardError), template);
    }

    private static (int, string[], string) BuildInfra()
    {
        var outputDirectory = Path.Combine(AppContext.BaseDirectory, "bicep-out");
        if (Directory.Exists(outputDirectory))
            Directory.Delete(outputDirectory, recursive: true);
        Directory.CreateDirectory(outputDirectory);
        // Compiled templates go to the test's bin folder, never next to the sources.
        var result = ProcessRunner.Run(Executable(),
            ["build", "--pattern", Path.Combine(RepoPaths.Infra, "**", "*.bicep"), "--outdir", outputDirectory]);
        return (result.ExitCode, Lines(result.StandardError), outputDirectory);
    }

    private static string[] Lines(string text) =>
        text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToArray();

    private static string Executable()
    {
        var path = RepoPaths.BicepExecutable;
        Assert.True(File.Exists(path), $"Bicep CLI not found at {path}; restore the test project.");
        // NuGet extraction does not always keep the execute bit.
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        return path;
    }
}

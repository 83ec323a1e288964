using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace KycOcr.Cli.Tests;

/// <summary>A temporary folder for a test's input files, and the <c>kycocr</c> tool run in-process on them.</summary>
public sealed class CliTestFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("kycocr-cli-").FullName;

    public string Write(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Runs <c>kycocr</c> with these settings; its stdout must be one JSON object.</summary>
    public static async Task<(int Exit, JsonElement Output)> RunAsync(IEnumerable<KeyValuePair<string, string?>> settings, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var stdout = new StringWriter();
        var exit = await KycOcrCli.RunAsync(args, configuration, stdout, new StringWriter());
        using var json = JsonDocument.Parse(stdout.ToString());
        return (exit, json.RootElement.Clone());
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

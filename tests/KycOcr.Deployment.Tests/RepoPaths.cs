using System.Reflection;

namespace KycOcr.Deployment.Tests;

/// <summary>Paths the project file resolved at build time (see the csproj's AssemblyMetadata).</summary>
internal static class RepoPaths
{
    public static string Root => Metadata("RepositoryRoot");
    public static string Infra => Path.Combine(Root, "infra");
    public static string Dockerfile => Path.Combine(Root, "Dockerfile");
    public static string AzureYaml => Path.Combine(Root, "azure.yaml");
    public static string Readme => Path.Combine(Root, "README.md");
    public static string BicepExecutable => Metadata("BicepExecutable");
    public static string OpenCvSharpExtern => Metadata("OpenCvSharpExtern");

    /// <summary>A native library the app ships, by its metadata key (OpenCvSharpExtern, SkiaSharpNative).</summary>
    public static string NativeLibrary(string key) => Metadata(key);

    /// <summary>Lines of a committed list: '#' starts a comment, blank lines are skipped.</summary>
    public static IReadOnlyList<(string Value, string Note)> ListFile(string path) =>
        File.ReadAllLines(path)
            .Select(line => line.Split('#', 2))
            .Select(parts => (Value: parts[0].Trim(), Note: parts.Length > 1 ? parts[1].Trim() : string.Empty))
            .Where(entry => entry.Value.Length > 0)
            .ToArray();

    private static string Metadata(string key) =>
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly lacks the '{key}' metadata its project file sets.");
}

namespace KycOcr.Deployment.Tests;

/// <summary>infra/base-image-packages.txt: packages the Functions base image already carries.</summary>
internal static class BaseImagePackages
{
    public static string FilePath => Path.Combine(RepoPaths.Infra, "base-image-packages.txt");

    public static IReadOnlyList<(string Package, string Reason)> Entries =>
        RepoPaths.ListFile(FilePath).Select(e => (e.Value, e.Note)).ToArray();

    public static IReadOnlySet<string> Names => Entries.Select(e => e.Package).ToHashSet(StringComparer.Ordinal);
}

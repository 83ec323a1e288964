namespace KycOcr.Deployment.Tests;

/// <summary>infra/image-packages/&lt;os&gt;.txt: what the image installs on each base image release it accepts.</summary>
internal static class ImagePackages
{
    public const string Debian12 = "debian-12";
    public const string Ubuntu2404 = "ubuntu-24.04";

    public static string Folder => Path.Combine(RepoPaths.Infra, "image-packages");

    public static IReadOnlyList<(string Package, string Note)> Entries(string release) =>
        RepoPaths.ListFile(Path.Combine(Folder, release + ".txt")).Select(e => (e.Value, e.Note)).ToArray();

    public static IReadOnlySet<string> Names(string release) => Entries(release).Select(e => e.Package).ToHashSet(StringComparer.Ordinal);

    /// <summary>Each package of <paramref name="release"/> by its Debian 12 name (its note's "Debian 12: name", else its own).</summary>
    public static IReadOnlySet<string> AsDebian12(string release) =>
        Entries(release).Select(e => e.Note.StartsWith("Debian 12: ", StringComparison.Ordinal)
            ? e.Note["Debian 12: ".Length..].Split(' ')[0]
            : e.Package).ToHashSet(StringComparer.Ordinal);
}

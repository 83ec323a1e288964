namespace KycOcr.Deployment.Tests;

/// <summary>Stands in for building the image, which Docker cannot do on these machines: every
/// library the native runtimes (OpenCvSharp's, and SkiaSharp's for the MRZ reader) load must come from a package the Dockerfile installs
/// or one the base image carries. This machine runs Debian 12, like the base image.</summary>
public sealed class NativeDependencyTests
{
    [Theory]
    [InlineData("OpenCvSharpExtern")]
    [InlineData("SkiaSharpNative")]
    public void EveryLibraryResolvesOnThisMachine(string library)
    {
        var missing = Ldd.Resolve(RepoPaths.NativeLibrary(library)).Where(d => d.Path is null).Select(d => d.Name).ToArray();

        Assert.True(missing.Length == 0,
            $"ldd reports 'not found' for {string.Join(", ", missing)}: install their packages here " +
            "(apt-get install libgtk-3-0) so their owners can be looked up.");
    }

    [Theory]
    [InlineData("OpenCvSharpExtern")]
    [InlineData("SkiaSharpNative")]
    public void EveryLibraryComesFromAnInstalledOrBasePackage(string library)
    {
        var dockerfile = ImagePackages.Names(ImagePackages.Debian12);
        var baseImage = BaseImagePackages.Names;
        var problems = new List<string>();

        var resolved = Ldd.Resolve(RepoPaths.NativeLibrary(library)).Where(d => d.Path is not null).ToArray();
        var owners = DebianPackages.Owners(resolved.Select(d => d.Path!).ToArray());
        Assert.NotEmpty(resolved);

        foreach (var dependency in resolved)
        {
            // Unresolved libraries are reported by EveryLibraryResolvesOnThisMachine.
            var package = owners[dependency.Path!];
            if (package is null)
                problems.Add($"{dependency.Name} ({dependency.Path}) belongs to no Debian package");
            else if (!dockerfile.Contains(package) && !baseImage.Contains(package))
                problems.Add($"{dependency.Name} comes from {package}: add it to infra/image-packages (both lists)");
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void GtkIsAmongTheLibraries()
    {
        // OpenCV's highgui links GTK 3; if this ever changes, revisit the Dockerfile's list.
        Assert.Contains(Ldd.Resolve(RepoPaths.OpenCvSharpExtern), d => d.Name.StartsWith("libgtk-3", StringComparison.Ordinal));
    }
}

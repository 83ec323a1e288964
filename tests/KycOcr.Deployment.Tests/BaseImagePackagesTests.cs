namespace KycOcr.Deployment.Tests;

/// <summary>The base-image list may only hold what every Debian image carries, so it cannot
/// quietly absorb a package the Dockerfile should install.</summary>
public sealed class BaseImagePackagesTests
{
    [Fact]
    public void EachEntryHasAReason()
    {
        Assert.NotEmpty(BaseImagePackages.Entries);
        Assert.All(BaseImagePackages.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason), $"{e.Package} has no reason"));
    }

    [Fact]
    public void EachEntryIsEssentialOrFromDotnetRuntimeDeps()
    {
        var essential = DebianPackages.EssentialClosure();
        var unjustified = BaseImagePackages.Entries
            .Where(e => !essential.Contains(e.Package) && !e.Reason.Contains("runtime-deps", StringComparison.Ordinal))
            .Select(e => e.Package)
            .ToArray();

        Assert.True(unjustified.Length == 0,
            $"Not carried by every Debian 12 image: {string.Join(", ", unjustified)}; install them in the Dockerfile instead.");
    }

    [Fact]
    public void DockerfileDoesNotReinstallThem()
    {
        var both = ImagePackages.Names(ImagePackages.Debian12).Intersect(BaseImagePackages.Names).ToArray();

        Assert.True(both.Length == 0, $"Listed as in the base image and installed again: {string.Join(", ", both)}");
    }
}

namespace KycOcr.Deployment.Tests;

/// <summary>
/// The image installs the list for its base image's release: Debian 12 (checked against ldd and dpkg on this
/// Debian 12 machine, NativeDependencyTests) or Ubuntu 24.04 (the same packages under Ubuntu's names).
/// </summary>
public sealed class ImagePackagesTests
{
    [Fact]
    public void TheDockerfileInstallsTheListOfItsBaseImagesRelease()
    {
        var instructions = DockerfileModel.Load(RepoPaths.Dockerfile).Instructions;

        Assert.Contains(instructions, i => i.Keyword == "COPY" && i.Arguments.StartsWith("infra/image-packages/", StringComparison.Ordinal));
        Assert.Contains(instructions, i => i.Keyword == "RUN" && i.Arguments.Contains("/tmp/image-packages/$ID-$VERSION_ID.txt", StringComparison.Ordinal)
            && i.Arguments.Contains("apt-get install", StringComparison.Ordinal));
        // The build context lets the lists in.
        Assert.Contains("!infra/image-packages/", File.ReadAllLines(Path.Combine(RepoPaths.Root, ".dockerignore")).Select(l => l.Trim()));
    }

    [Fact]
    public void ThereIsAListForDebian12AndUbuntu2404()
    {
        var releases = Directory.EnumerateFiles(ImagePackages.Folder, "*.txt").Select(f => Path.GetFileNameWithoutExtension(f)!).Order().ToArray();

        Assert.Equal([ImagePackages.Debian12, ImagePackages.Ubuntu2404], releases);
    }

    [Fact]
    public void TheUbuntuListIsTheDebianListUnderUbuntusNames()
    {
        Assert.Equal(ImagePackages.Names(ImagePackages.Debian12).Order(), ImagePackages.AsDebian12(ImagePackages.Ubuntu2404).Order());
        // Every rename says why.
        Assert.All(ImagePackages.Entries(ImagePackages.Ubuntu2404).Where(e => e.Note.Length > 0),
            e => Assert.Matches(@"^Debian 12: \S+ \(.+\)$", e.Note));
        Assert.Contains(ImagePackages.Entries(ImagePackages.Ubuntu2404), e => e.Package == "libgtk-3-0t64");
    }
}

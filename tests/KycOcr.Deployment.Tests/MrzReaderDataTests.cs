namespace KycOcr.Deployment.Tests;

/// <summary>The offline MRZ reader needs the OCR-B font in the image, at the path the image's OCRB_FONT_PATH
/// names; nothing reads Tesseract's data, so the image carries none.</summary>
public sealed class MrzReaderDataTests
{
    internal static readonly string[] Packages = ["fonts-ocr-b"];

    [Fact]
    public void DockerfileInstallsTheMrzReaderPackages()
    {
        foreach (var release in new[] { ImagePackages.Debian12, ImagePackages.Ubuntu2404 })
            Assert.All(Packages, p => Assert.Contains(p, ImagePackages.Names(release)));
    }

    [Fact]
    public void TheImageCarriesNoTesseractData()
    {
        var dockerfile = DockerfileModel.Load(RepoPaths.Dockerfile);

        foreach (var release in new[] { ImagePackages.Debian12, ImagePackages.Ubuntu2404 })
            Assert.DoesNotContain(ImagePackages.Names(release), p => p.StartsWith("tesseract", StringComparison.Ordinal));
        Assert.DoesNotContain(dockerfile.AptInstalledPackages, p => p.StartsWith("tesseract", StringComparison.Ordinal));
        Assert.False(dockerfile.FinalStageEnvironment.ContainsKey("TESSDATA_PATH"));
    }

    [Fact]
    public void OcrbFontPathIsAFileOfTheFontPackage()
    {
        var font = FinalEnvironment("OCRB_FONT_PATH");

        Assert.Contains(font, PackageFiles("fonts-ocr-b"));
    }

    private static string FinalEnvironment(string name)
    {
        var environment = DockerfileModel.Load(RepoPaths.Dockerfile).FinalStageEnvironment;
        Assert.True(environment.TryGetValue(name, out var value), $"The Dockerfile's final stage does not set ENV {name}.");
        return value!.TrimEnd('/');
    }

    private static IReadOnlyList<string> PackageFiles(string package) =>
        DebianPackages.Files(package)
        ?? throw new Xunit.Sdk.XunitException(
            $"{package} is not installed on this machine, so its file list cannot be checked: apt-get install {package}");
}

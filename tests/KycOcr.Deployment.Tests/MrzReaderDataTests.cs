namespace KycOcr.Deployment.Tests;

/// <summary>The offline MRZ reader needs Tesseract's English model and the OCR-B font in the
/// image, at the paths the image's TESSDATA_PATH and OCRB_FONT_PATH name.</summary>
public sealed class MrzReaderDataTests
{
    internal static readonly string[] Packages = ["tesseract-ocr-eng", "fonts-ocr-b"];

    [Fact]
    public void DockerfileInstallsTheMrzReaderPackages()
    {
        var installed = DockerfileModel.Load(RepoPaths.Dockerfile).AptInstalledPackages;

        Assert.All(Packages, p => Assert.Contains(p, installed));
    }

    [Fact]
    public void TessdataPathHoldsTheEnglishModel()
    {
        var tessdata = FinalEnvironment("TESSDATA_PATH");

        Assert.Contains(Path.Combine(tessdata, "eng.traineddata"), PackageFiles("tesseract-ocr-eng"));
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

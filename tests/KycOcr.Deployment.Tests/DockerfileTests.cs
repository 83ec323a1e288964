namespace KycOcr.Deployment.Tests;

/// <summary>The image is the official Functions host for .NET 10 isolated, by a pinned tag.</summary>
public sealed class DockerfileTests
{
    private const string FunctionsBaseImage = "mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0";

    [Fact]
    public void ShipsOnThePinnedFunctionsBaseImage()
    {
        Assert.Equal(FunctionsBaseImage, DockerfileModel.Load(RepoPaths.Dockerfile).BaseImages[^1]);
    }

    [Fact]
    public void EveryStageHasAnExplicitTag()
    {
        Assert.All(DockerfileModel.Load(RepoPaths.Dockerfile).BaseImages, image =>
        {
            var tag = image.Contains('@') ? "digest" : image[(image.LastIndexOf('/') + 1)..].Split(':').ElementAtOrDefault(1);
            Assert.False(string.IsNullOrEmpty(tag) || tag == "latest", $"{image} is not pinned to a tag.");
        });
    }

    [Fact]
    public void PublishesTheFunctionAppProject()
    {
        var run = DockerfileModel.Load(RepoPaths.Dockerfile).Instructions
            .Where(i => i.Keyword == "RUN").Select(i => i.Arguments);

        Assert.Contains(run, r => r.Contains("dotnet publish src/KycOcr.Functions/KycOcr.Functions.csproj", StringComparison.Ordinal));
    }

    [Fact]
    public void ParserJoinsContinuationsAndSkipsComments()
    {
        var model = DockerfileModel.Parse(
        [
            "FROM a:1 AS build", "FROM b:2", "RUN apt-get update \\", "    && apt-get install -y --no-install-recommends \\",
            "        # a comment inside the command", "        pkg-one pkg-two=1.0 \\", "    && rm -rf /var/lib/apt/lists/*",
            "ENV X=1 \\", "    Y=/p",
        ]);

        Assert.Equal(["a:1", "b:2"], model.BaseImages);
        Assert.Equal(new HashSet<string> { "pkg-one", "pkg-two" }, model.AptInstalledPackages);
        Assert.Equal("/p", model.FinalStageEnvironment["Y"]);
    }

    [Fact]
    public void DockerignoreKeepsSecretsOut()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, ".dockerignore")).Select(l => l.Trim()).ToArray();

        Assert.Contains("**/local.settings.json", lines);
    }
}

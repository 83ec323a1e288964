using System.Text.Json;
using OpenCvSharp;

namespace KycOcr.Cli.Tests;

/// <summary><c>kycocr sample</c>: a synthetic specimen photo to send to the service, and its ground truth.</summary>
public sealed class SampleCommandTests : IDisposable
{
    private readonly CliTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static async Task<(int Exit, string Stdout)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var exit = await KycOcrCli.RunAsync(["sample", .. args], new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), stdout, new StringWriter());
        return (exit, stdout.ToString());
    }

    [Theory]
    [InlineData("passport", 3, 44)]
    [InlineData("id_card", 3, 30)]
    public async Task Writes_a_jpeg_photo_and_prints_its_ground_truth(string kind, int seed, int mrzLineLength)
    {
        var path = _folder.File(kind + ".jpg");

        var (exit, stdout) = await RunAsync(kind, path, "--seed", seed.ToString());

        Assert.Equal(ExitCodes.Accepted, exit);
        using var photo = Cv2.ImRead(path);
        Assert.Equal((1600, 1200), (photo.Width, photo.Height));
        using var truth = JsonDocument.Parse(stdout);
        Assert.All(truth.RootElement.GetProperty("mrz_lines").EnumerateArray(), line => Assert.Equal(mrzLineLength, line.GetString()!.Length));
        Assert.True(truth.RootElement.GetProperty("document_present").GetBoolean());
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_photo()
    {
        await RunAsync("passport", _folder.File("a.jpg"), "--seed", "42");
        await RunAsync("passport", _folder.File("b.jpg"), "--seed", "42");

        Assert.Equal(await File.ReadAllBytesAsync(_folder.File("a.jpg")), await File.ReadAllBytesAsync(_folder.File("b.jpg")));
    }

    [Theory]
    [InlineData("visa", "x.jpg")]
    [InlineData("passport")]
    [InlineData("passport", "x.jpg", "--seed", "many")]
    public async Task Bad_arguments_print_the_usage(params string[] args)
    {
        Assert.Equal(ExitCodes.Usage, (await RunAsync(args)).Exit);
    }
}

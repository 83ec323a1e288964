using System.Text.Json;
using KycOcr.Samples;
using KycOcr.TestSupport.Images;
using Microsoft.Extensions.Configuration;

namespace KycOcr.Cli.Tests;

/// <summary><c>kycocr check</c>: the quality gate alone, one JSON object on stdout.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly CliTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Task<(int Exit, JsonElement Output)> RunAsync(params string[] args) => CliTestFolder.RunAsync([], args);

    private string Write(string name, byte[] bytes) => _folder.Write(name, bytes);

    [Fact]
    public async Task A_good_photo_exits_0_with_every_check_and_the_documents_corners()
    {
        var (exit, output) = await RunAsync("check", Write("good.jpg", DocumentPhotos.Good()));

        Assert.Equal(0, exit);
        Assert.True(output.GetProperty("accepted").GetBoolean());
        Assert.Equal(8, output.GetProperty("checks").GetArrayLength());
        var document = output.GetProperty("document");
        Assert.True(document.GetProperty("found").GetBoolean());
        Assert.Equal("passport", document.GetProperty("kind").GetString());
        Assert.All(document.GetProperty("corners").EnumerateArray(), c => Assert.Equal(2, c.GetArrayLength()));
    }

    [Fact]
    public async Task A_blurry_photo_exits_1_and_says_which_check_failed()
    {
        var (exit, output) = await RunAsync("check", Write("blurry.jpg", DocumentPhotos.Blurry()), "--strictness", "hard");

        Assert.Equal(1, exit);
        Assert.False(output.GetProperty("accepted").GetBoolean());
        var blur = output.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "blur");
        Assert.False(blur.GetProperty("passed").GetBoolean());
        Assert.Contains("blurry", blur.GetProperty("hint").GetString());
    }

    [Fact]
    public async Task A_photo_without_a_document_reports_none_found()
    {
        var photo = SyntheticDocumentGenerator.Generate(new DocumentPhotoSpec { Seed = 2, Degradations = new Degradations { NoDocument = true } });

        var (exit, output) = await RunAsync("check", Write("table.jpg", photo.Bytes));

        Assert.Equal(1, exit);
        Assert.False(output.GetProperty("document").GetProperty("found").GetBoolean());
        Assert.Equal(JsonValueKind.Null, output.GetProperty("document").GetProperty("corners").ValueKind);
    }

    [Fact]
    public async Task Unreadable_or_refused_input_exits_2_with_an_error()
    {
        var (exit, output) = await RunAsync("check", Write("notes.jpg", "not an image"u8.ToArray()));
        Assert.Equal(2, exit);
        Assert.Equal("not_an_image", output.GetProperty("code").GetString());

        (exit, output) = await RunAsync("check", Write("huge.png", SimpleImages.PngHeaderOnly(40000, 40000)));
        Assert.Equal(2, exit);
        Assert.Equal("image_too_large", output.GetProperty("code").GetString());

        (exit, output) = await RunAsync("check", Write("good.jpg", DocumentPhotos.Good()), "--strictness", "extreme");
        Assert.Equal(2, exit);
        Assert.Contains("easy, medium, hard", output.GetProperty("error").GetString());
    }
}

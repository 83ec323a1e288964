using System.Text.Json;
using KycOcr.TestSupport.Images;
using KycOcr.TestSupport.Model;
using Microsoft.Extensions.Configuration;

namespace KycOcr.Cli.Tests;

/// <summary><c>kycocr extract</c> against the loopback OpenAI-compatible server.</summary>
public sealed class ExtractCommandTests : IAsyncLifetime, IDisposable
{
    private LoopbackModelServer _model = null!;
    private readonly CliTestFolder _folder = new();

    public async Task InitializeAsync() => _model = await LoopbackModelServer.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    private Task<(int Exit, JsonElement Output)> RunAsync(string image, params (string Name, string Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["OPENAI_BASE_URL"] = _model.OpenAiBaseUrl.ToString(), ["MODEL_TIMEOUT_SECONDS"] = "5" };
        foreach (var (name, value) in settings)
            values[name] = value;
        return CliTestFolder.RunAsync(values, "extract", image);
    }

    private string Write(string name, byte[] bytes) => _folder.Write(name, bytes);

    [Fact]
    public async Task Prints_the_schema_shaped_result_and_exits_0()
    {
        var (exit, output) = await RunAsync(Write("card.jpg", DocumentPhotos.Good()));

        Assert.Equal(0, exit);
        Assert.Equal(
            ["id", "document", "fields", "mrz", "verification", "quality", "usage", "model", "timings_ms", "pages"],
            output.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ANNA MARIA", output.GetProperty("fields").GetProperty("given_names").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Several_images_are_one_documents_pages_read_as_a_job_reads_them()
    {
        var blurry = Write("front.jpg", DocumentPhotos.Blurry());
        var good = Write("back.jpg", DocumentPhotos.Good());

        var (exit, output) = await CliTestFolder.RunAsync(new Dictionary<string, string?> { ["EXTRACTOR"] = "offline" }, "extract", blurry, good);

        Assert.Equal(0, exit);
        Assert.Equal("mrz", output.GetProperty("fields").GetProperty("surname").GetProperty("source").GetString());
        var pages = output.GetProperty("pages").EnumerateArray().ToArray();
        Assert.Equal([false, true], pages.Select(p => p.GetProperty("accepted").GetBoolean()));
        Assert.Equal("quality_rejected", pages[0].GetProperty("error").GetProperty("code").GetString());

        (exit, output) = await CliTestFolder.RunAsync(new Dictionary<string, string?> { ["EXTRACTOR"] = "offline", ["MAX_PAGES"] = "1" }, "extract", blurry, good);
        Assert.Equal(2, exit);
        Assert.Equal("too_many_pages", output.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Unreadable_input_and_final_model_errors_exit_2_with_an_error_object()
    {
        var (exit, output) = await RunAsync(Write("notes.jpg", "not an image"u8.ToArray()));
        Assert.Equal(2, exit);
        Assert.Equal("not_an_image", output.GetProperty("code").GetString());

        _model.Enqueue(ModelReply.Refusal("no"));
        (exit, output) = await RunAsync(Write("card.jpg", DocumentPhotos.Good()));
        Assert.Equal(2, exit);
        Assert.Equal("model_refused", output.GetProperty("code").GetString());

        (exit, output) = await RunAsync(_folder.File("missing.jpg"));
        Assert.Equal(2, exit);
        Assert.Equal("file_not_found", output.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Invalid_configuration_exits_2_naming_the_setting()
    {
        var (exit, output) = await RunAsync(Write("card.jpg", SimpleImages.Encode(300, 200)), ("EXTRACTOR", "azure-openai"));

        Assert.Equal(2, exit);
        Assert.Contains("AZURE_OPENAI_ENDPOINT", output.GetProperty("error").GetString());
    }
}

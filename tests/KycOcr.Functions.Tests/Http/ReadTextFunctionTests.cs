using KycOcr.Core;
using KycOcr.Core.Http;
using KycOcr.Core.Storage;
using KycOcr.TestSupport.Hosting;
using KycOcr.TestSupport.Images;
using KycOcr.TestSupport.Model;
using KycOcr.TestSupport.Storage;
using Microsoft.AspNetCore.Http;

namespace KycOcr.Functions.Tests.Http;

/// <summary><c>POST /read_text</c> through the function method, on Azurite and the in-process durable engine.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReadTextFunctionTests(AzuriteFixture azurite)
    : FunctionTestBase(azurite, ("MAX_UPLOAD_BYTES", (2 * 1024 * 1024).ToString()))
{
    private HttpRequest Post(string? apiKey = KycOcrTestHost.ApiKey) => FunctionCall.Request(Host, "POST", "/read_text", apiKey);

    [Fact]
    public async Task A_multipart_upload_is_stored_and_answered_202_with_where_to_poll()
    {
        var response = await PostReadTextAsync(Post().WithForm(SimpleImages.Encode(800, 600)));

        Assert.Equal(StatusCodes.Status202Accepted, response.Status);
        var id = response.Body.GetProperty("id").GetString()!;
        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal($"/id?task_id={id}", response.Headers.Location.ToString());
        Assert.Equal("2", response.Headers.RetryAfter.ToString());
        var job = await Host.WaitForJobAsync(id);
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed, job.RuntimeStatus);
        Assert.Empty(await Host.Get<BlobJobStore>().ListJobBlobsAsync(id));
    }

    [Fact]
    public async Task A_raw_image_body_is_accepted_and_its_name_comes_from_the_content_not_the_client()
    {
        var png = SimpleImages.Encode(640, 480, ".png");

        var response = await PostReadTextAsync(Post().WithBody(png, "application/octet-stream"));

        Assert.Equal(StatusCodes.Status202Accepted, response.Status);
        var id = response.Body.GetProperty("id").GetString()!;
        var metadata = await Host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal($"{id}/upload.png", metadata!.ReadInputAs<KycOcr.Core.Jobs.JobRequest>()!.UploadBlobName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key")]
    public async Task Missing_or_wrong_keys_get_401_with_the_original_detail(string? key)
    {
        var response = await PostReadTextAsync(Post(key).WithForm(SimpleImages.Encode(200, 150)));

        Assert.Equal(StatusCodes.Status401Unauthorized, response.Status);
        Assert.Equal(ErrorCodes.Unauthorized, response.Code);
        Assert.Equal("Invalid or missing API Key", response.Body.GetProperty("detail").GetString());
    }

    public static TheoryData<string, Func<HttpRequest, HttpRequest>, int, string> BadUploads => new()
    {
        { "wrong form field", r => r.WithForm(SimpleImages.Encode(200, 150), field: "file"), 400, ErrorCodes.MissingImageField },
        { "broken multipart", r => r.WithBody("--x\r\nContent-Disposition: form-data; name=\"image\"\r\n\r\nabc"u8.ToArray(), "multipart/form-data; boundary=x"), 400, ErrorCodes.MalformedMultipart },
        { "multipart without boundary", r => r.WithBody("abc"u8.ToArray(), "multipart/form-data"), 400, ErrorCodes.MalformedMultipart },
        { "empty body", r => r.WithBody([], "image/jpeg"), 400, ErrorCodes.EmptyUpload },
        { "text upload", r => r.WithForm("name,surname\nA,B"u8.ToArray()), 415, ErrorCodes.NotAnImage },
        { "text content type", r => r.WithBody("hello"u8.ToArray(), "text/plain"), 415, ErrorCodes.UnsupportedMediaType },
        { "no content type", r => r.WithBody(SimpleImages.Encode(200, 150), null), 415, ErrorCodes.UnsupportedMediaType },
        { "declares 40000x40000 pixels", r => r.WithBody(SimpleImages.PngHeaderOnly(40000, 40000), "image/png"), 413, ErrorCodes.ImageTooLarge },
        { "3 MB over a 2 MB limit", r => r.WithBody(new byte[3 * 1024 * 1024], "image/jpeg"), 413, ErrorCodes.UploadTooLarge },
        { "3 MB form over a 2 MB limit", r => r.WithForm(new byte[3 * 1024 * 1024]), 413, ErrorCodes.UploadTooLarge },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task Bad_uploads_get_their_status_and_a_json_error_and_start_nothing(string because, Func<HttpRequest, HttpRequest> build, int status, string code)
    {
        var response = await PostReadTextAsync(build(Post()));

        Assert.True(status == response.Status, $"{because}: {response.Status} {response.Body}");
        Assert.Equal(code, response.Code);
        Assert.False(string.IsNullOrWhiteSpace(response.Body.GetProperty("error").GetString()));
        var started = await Host.Client.GetAllInstancesAsync().ToListAsync();
        Assert.Empty(started);
    }

    [Fact]
    public async Task A_body_without_declared_length_is_cut_at_the_limit()
    {
        var request = Post().WithBody(new byte[3 * 1024 * 1024], "image/jpeg");
        request.ContentLength = null;

        var response = await PostReadTextAsync(request);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, response.Status);
        Assert.True(request.Body.Position <= 2 * 1024 * 1024 + 81920, "read no further than the limit and one chunk");
    }
}

[Collection(AzuriteCollection.Name)]
public sealed class ReadTextWithoutStorageTests
{
    [Fact]
    public async Task Storage_down_gives_503_json_and_starts_no_job()
    {
        await using var azurite = await Azurite.StartNewAsync();
        await using var host = await KycOcrTestHost.StartAsync(KycOcrTestHost.DefaultSettings(azurite.ConnectionString));
        await azurite.StopAsync();

        var response = await FunctionCall.Request(host, "POST", "/read_text").WithForm(SimpleImages.Encode(300, 200))
            .ExecuteAsync(r => new ReadTextFunction(host.Get<ReadTextHandler>()).Run(r, host.Client, CancellationToken.None));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, response.Status);
        Assert.Equal(ErrorCodes.StorageUnavailable, response.Code);
        Assert.Empty(await host.Client.GetAllInstancesAsync().ToListAsync());
    }
}

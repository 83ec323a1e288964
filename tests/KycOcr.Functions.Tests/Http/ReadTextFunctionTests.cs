using KycOcr.Core;
using KycOcr.Core.Http;
using KycOcr.Core.Storage;
using KycOcr.TestSupport.Hosting;
using KycOcr.TestSupport.Http;
using KycOcr.TestSupport.Images;
using KycOcr.TestSupport.Model;
using KycOcr.TestSupport.Storage;
using Microsoft.AspNetCore.Http;

namespace KycOcr.Functions.Tests.Http;

/// <summary><c>POST /read_text</c> through the function method, on Azurite and the in-process durable engine.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReadTextFunctionTests(AzuriteFixture azurite)
    : FunctionTestBase(azurite, ("MAX_UPLOAD_BYTES", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)))
{
    private const long MaxUploadBytes = 2 * 1024 * 1024;

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

    [Theory]
    [MemberData(nameof(BadUploads.Names), MemberType = typeof(BadUploads))]
    public async Task Bad_uploads_get_their_status_and_a_json_error_and_start_nothing(string name)
    {
        var upload = BadUploads.Named(name, MaxUploadBytes);

        var response = await PostReadTextAsync(Post(upload.ApiKey).WithBody(upload.Body, upload.ContentType));

        Assert.True(upload.Status == response.Status, $"{name}: {response.Status} {response.Body}");
        Assert.Equal(upload.Code, response.Code);
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

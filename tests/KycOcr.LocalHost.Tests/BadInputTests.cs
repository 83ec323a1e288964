using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KycOcr.TestSupport.Http;
using KycOcr.TestSupport.Images;
using KycOcr.TestSupport.Storage;

namespace KycOcr.LocalHost.Tests;

/// <summary>Bad requests over the wire: each gets its documented status and JSON error, and the service stays up.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BadInputTests(AzuriteFixture azurite) : LocalServiceTestBase(azurite.ConnectionString)
{
    private static HttpContent Raw(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    public static TheoryData<string, HttpStatusCode, string> SubmitCases => new()
    {
        { "empty body", HttpStatusCode.BadRequest, "empty_upload" },
        { "text file", HttpStatusCode.UnsupportedMediaType, "not_an_image" },
        { "truncated jpeg", HttpStatusCode.UnprocessableEntity, "image_truncated" },
        { "png declaring 40000x40000", HttpStatusCode.RequestEntityTooLarge, "image_too_large" },
        { "30 MB upload", HttpStatusCode.RequestEntityTooLarge, "upload_too_large" },
        { "wrong multipart field", HttpStatusCode.BadRequest, "missing_image_field" },
        { "no key", HttpStatusCode.Unauthorized, "unauthorized" },
        { "wrong key", HttpStatusCode.Unauthorized, "unauthorized" },
    };

    [Theory]
    [MemberData(nameof(SubmitCases))]
    public async Task Bad_submit_gets_its_status_and_json_error_and_nothing_is_stored(string @case, HttpStatusCode status, string code)
    {
        var reply = @case switch
        {
            "empty body" => await Client.SubmitAsync(Raw([], "image/jpeg")),
            "text file" => await Client.SubmitAsync(ServiceClient.Form(Encoding.UTF8.GetBytes("name,passport\nA,123\n"), fileName: "a.jpg")),
            "truncated jpeg" => await Client.SubmitAsync(DocumentPhoto[..(DocumentPhoto.Length / 2)]),
            "png declaring 40000x40000" => await Client.SubmitAsync(ServiceClient.Form(SimpleImages.PngHeaderOnly(40_000, 40_000), contentType: "image/png")),
            "30 MB upload" => await Client.SubmitAsync(Raw(new byte[30 * 1024 * 1024], "image/jpeg")),
            "wrong multipart field" => await Client.SubmitAsync(ServiceClient.Form(DocumentPhoto, field: "file")),
            "no key" => await Client.SubmitAsync(DocumentPhoto, apiKey: null),
            "wrong key" => await Client.SubmitAsync(DocumentPhoto, apiKey: "not-a-key"),
            _ => throw new ArgumentOutOfRangeException(nameof(@case)),
        };

        Assert.True(reply.Status == status, $"{@case}: {reply}");
        Assert.Equal(code, reply.Code);
        Assert.False(string.IsNullOrWhiteSpace(reply.Body.GetProperty("error").GetString()));
        Assert.Empty(await AllUploadBlobsAsync());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health")).Status);
    }

    [Theory]
    [InlineData("4a1e2b7c-0d3f-4e5a-9b8c-7d6e5f4a3b2c", HttpStatusCode.NotFound, "task_not_found")]
    [InlineData("not-a-uuid", HttpStatusCode.BadRequest, "invalid_task_id")]
    [InlineData("", HttpStatusCode.BadRequest, "missing_task_id")]
    public async Task Bad_task_id_gets_its_status(string taskId, HttpStatusCode status, string code)
    {
        var reply = await Client.StatusAsync(taskId);

        Assert.True(reply.Status == status, reply.ToString());
        Assert.Equal(code, reply.Code);
    }

    [Fact]
    public async Task Large_uploads_do_not_grow_memory()
    {
        var body = new byte[30 * 1024 * 1024];
        await Client.SubmitAsync(Raw(body, "image/jpeg"));
        var before = ManagedBytesAfterCollection();

        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Client.SubmitAsync(Raw(body, "image/jpeg"))).Status);

        // Ten refused 30 MB bodies: the service buffers at most MAX_UPLOAD_BYTES of each and keeps none.
        var growth = ManagedBytesAfterCollection() - before;
        Assert.True(growth < 40 * 1024 * 1024, $"Managed memory grew by {growth / 1024 / 1024} MB");
    }

    private static long ManagedBytesAfterCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

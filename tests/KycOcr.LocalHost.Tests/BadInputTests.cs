using System.Net;
using System.Net.Http.Headers;
using KycOcr.Core.Configuration;
using KycOcr.TestSupport.Http;
using KycOcr.TestSupport.Storage;

namespace KycOcr.LocalHost.Tests;

/// <summary>Bad requests over the wire: each gets its documented status and JSON error, and the service stays up.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BadInputTests(AzuriteFixture azurite) : LocalServiceTestBase(azurite.ConnectionString)
{
    [Theory]
    [MemberData(nameof(BadUploads.Names), MemberType = typeof(BadUploads))]
    public async Task Bad_submit_gets_its_status_and_json_error_and_nothing_is_stored(string name)
    {
        // The default MAX_UPLOAD_BYTES: the oversized cases go over the wire in full.
        var upload = BadUploads.Named(name, new ApiOptions().MaxUploadBytes);
        var content = new ByteArrayContent(upload.Body);
        if (upload.ContentType is not null)
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(upload.ContentType);

        var reply = await Client.SubmitAsync(content, upload.ApiKey);

        Assert.True((int)reply.Status == upload.Status, $"{name}: {reply}");
        Assert.Equal(upload.Code, reply.Code);
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

    private static ByteArrayContent Raw(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }
}

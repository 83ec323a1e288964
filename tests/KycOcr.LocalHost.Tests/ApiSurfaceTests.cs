using System.Net;
using System.Text.Json;
using KycOcr.Core.Http;
using KycOcr.TestSupport;
using KycOcr.TestSupport.Hosting;
using KycOcr.TestSupport.Http;
using KycOcr.TestSupport.Model;
using KycOcr.TestSupport.Storage;

namespace KycOcr.LocalHost.Tests;

/// <summary>Erasure, idempotency and the description, over HTTP.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApiSurfaceTests(AzuriteFixture azurite) : LocalServiceTestBase(azurite.ConnectionString)
{
    [Fact]
    public async Task The_openapi_description_matches_the_mapped_routes_and_is_served()
    {
        using var document = JsonDocument.Parse(OpenApiHandler.Json);
        var described = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}"));

        Assert.Equal(described.Order(), Service.Operations.Order());
        var served = await Client.GetAsync("/openapi.json");
        Assert.Equal(HttpStatusCode.OK, served.Status);
        Assert.Equal("3.0.3", served.Body.GetProperty("openapi").GetString());
    }

    [Fact]
    public async Task Erasing_a_finished_job_forgets_it()
    {
        var submitted = await Client.SubmitAsync(DocumentPhoto);
        Assert.Equal(HttpStatusCode.OK, (await Client.WaitForResultAsync(submitted.Id)).Status);

        Assert.Equal(HttpStatusCode.NotFound, (await Client.EraseAsync(submitted.Id, KycOcrTestHost.OtherApiKey)).Status);
        var erased = await Client.EraseAsync(submitted.Id);

        Assert.True(erased.Status == HttpStatusCode.NoContent, erased.ToString());
        Assert.Equal("no-store", erased.Headers["Cache-Control"]);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.StatusAsync(submitted.Id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.EraseAsync(submitted.Id)).Status);
    }

    [Fact]
    public async Task Erasing_a_running_job_terminates_it_and_deletes_its_upload()
    {
        Model.Default = ModelReply.Delayed(TimeSpan.FromSeconds(3), ModelReply.Document(SampleDocuments.Passport()));
        var submitted = await Client.SubmitAsync(DocumentPhoto);
        await Poll.UntilAsync(() => Client.StatusAsync(submitted.Id), s => s.Body.GetProperty("stage").GetString() == "extracting",
            TimeSpan.FromSeconds(30), "the job to reach the model");

        var erased = await Client.EraseAsync(submitted.Id);

        Assert.True(erased.Status == HttpStatusCode.NoContent, erased.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.StatusAsync(submitted.Id)).Status);
        Assert.Empty(await Store.ListJobBlobsAsync(submitted.Id));
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_first_job()
    {
        var first = await Client.SubmitAsync(DocumentPhoto, idempotencyKey: "order-4711");
        var again = await Client.SubmitAsync(DocumentPhoto, idempotencyKey: "order-4711");
        var otherKey = await Client.SubmitAsync(DocumentPhoto, idempotencyKey: "order-4712");
        var otherApiKey = await Client.SubmitAsync(DocumentPhoto, apiKey: KycOcrTestHost.OtherApiKey, idempotencyKey: "order-4711");

        Assert.Equal(HttpStatusCode.Accepted, again.Status);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal("true", again.Headers["Idempotent-Replayed"]);
        Assert.False(first.Headers.ContainsKey("Idempotent-Replayed"));
        Assert.NotEqual(first.Id, otherKey.Id);
        Assert.NotEqual(first.Id, otherApiKey.Id);
        foreach (var id in new[] { first.Id, otherKey.Id })
            Assert.Equal(HttpStatusCode.OK, (await Client.WaitForResultAsync(id)).Status);
        Assert.Equal(first.Id, (await Client.SubmitAsync(DocumentPhoto, idempotencyKey: "order-4711")).Id);
        Assert.Equal(HttpStatusCode.OK, (await Client.WaitForResultAsync(otherApiKey.Id, apiKey: KycOcrTestHost.OtherApiKey)).Status);
        Assert.Equal(3, Model.Requests.Count);
    }

    [Fact]
    public async Task A_malformed_idempotency_key_is_refused()
    {
        var reply = await Client.SubmitAsync(DocumentPhoto, idempotencyKey: new string('x', 300));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("invalid_idempotency_key", reply.Code);
    }
}

/// <summary>The per-key rate limits, over HTTP: submissions and reads are counted apart.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RateLimitTests(AzuriteFixture azurite)
    : LocalServiceTestBase(azurite.ConnectionString, ("RATE_LIMIT_PER_MINUTE", "2"), ("READ_RATE_LIMIT_PER_MINUTE", "3"))
{
    [Fact]
    public async Task Reads_over_their_limit_get_429_with_retry_after_and_leave_submissions_and_other_keys_alone()
    {
        var unknownTask = Guid.NewGuid().ToString();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await Client.StatusAsync(unknownTask)).Status);

        var limited = await Client.StatusAsync(unknownTask);
        var submitted = await Client.SubmitAsync(DocumentPhoto);

        AssertLimited(limited);
        Assert.Equal(HttpStatusCode.Accepted, submitted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.StatusAsync(unknownTask, KycOcrTestHost.OtherApiKey)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health")).Status);
    }

    [Fact]
    public async Task Submissions_and_erasures_share_their_limit_and_leave_reads_alone()
    {
        var unknownTask = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Accepted, (await Client.SubmitAsync(DocumentPhoto)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.EraseAsync(unknownTask)).Status);

        var submitLimited = await Client.SubmitAsync(DocumentPhoto);
        var eraseLimited = await Client.EraseAsync(unknownTask);

        AssertLimited(submitLimited);
        AssertLimited(eraseLimited);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.StatusAsync(unknownTask)).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await Client.SubmitAsync(DocumentPhoto, KycOcrTestHost.OtherApiKey)).Status);
    }

    private static void AssertLimited(Reply reply)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, reply.Status);
        Assert.Equal("rate_limited", reply.Code);
        Assert.NotNull(reply.RetryAfter);
        Assert.InRange(reply.RetryAfter!.Value.TotalSeconds, 1, 60);
    }
}

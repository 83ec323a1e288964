using KycOcr.Core;
using KycOcr.Core.Http;
using KycOcr.TestSupport;
using KycOcr.TestSupport.Hosting;
using KycOcr.TestSupport.Http;
using KycOcr.TestSupport.Images;
using KycOcr.TestSupport.Model;
using KycOcr.TestSupport.Storage;
using Microsoft.AspNetCore.Http;

namespace KycOcr.Functions.Tests.Http;

/// <summary><c>GET /id</c> through the function method, for jobs really run by the in-process durable engine.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TaskStatusFunctionTests(AzuriteFixture azurite)
    : FunctionTestBase(azurite, ("EXTRACTION_MAX_RETRIES", "0"))
{
    private static readonly string[] RunningStages = ["queued", "preprocessing", "extracting"];

    private async Task<string> SubmitAsync(byte[] image)
    {
        var response = await PostReadTextAsync(FunctionCall.Request(Host, "POST", "/read_text").WithForm(image));
        Assert.Equal(StatusCodes.Status202Accepted, response.Status);
        return response.Body.GetProperty("id").GetString()!;
    }

    private Task<FunctionResponse> GetAsync(string query, string? apiKey = KycOcrTestHost.ApiKey) =>
        FunctionCall.Request(Host, "GET", "/id" + query, apiKey)
            .ExecuteAsync(r => new TaskStatusFunction(Host.Get<TaskStatusHandler>()).Run(r, Host.Client, CancellationToken.None));

    private async Task<FunctionResponse> GetFinishedAsync(string id)
    {
        await Host.WaitForJobAsync(id);
        return await GetAsync($"?task_id={id}");
    }

    [Fact]
    public async Task A_finished_job_answers_200_with_the_result()
    {
        var id = await SubmitAsync(DocumentPhotos.Good());

        var response = await GetFinishedAsync(id);

        Assert.Equal(StatusCodes.Status200OK, response.Status);
        Assert.Equal(id, response.Body.GetProperty("id").GetString());
        Assert.Equal("L898902C3", response.Body.GetProperty("fields").GetProperty("document_number").GetProperty("value").GetString());
        Assert.Equal("no-store", response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task A_running_job_answers_202_processing_with_its_stage()
    {
        Model.Default = ModelReply.Delayed(TimeSpan.FromSeconds(3), ModelReply.Document(SampleDocuments.Passport()));
        var id = await SubmitAsync(DocumentPhotos.Good());

        // Every look on the way is a 202 naming one of the documented stages.
        await Poll.UntilAsync(async () =>
        {
            var response = await GetAsync($"?task_id={id}");
            Assert.Equal(StatusCodes.Status202Accepted, response.Status);
            Assert.Equal("Processing", response.Body.GetProperty("status").GetString());
            Assert.Contains(response.Body.GetProperty("stage").GetString(), RunningStages);
            return response.Body.GetProperty("stage").GetString();
        }, stage => stage == "extracting", TimeSpan.FromSeconds(20), "the stage to become extracting");

        Assert.Equal(StatusCodes.Status200OK, (await GetFinishedAsync(id)).Status);
    }

    [Fact]
    public async Task A_job_of_two_pages_reports_how_many_are_done_and_the_model_sees_both_in_one_request()
    {
        Model.Default = ModelReply.Delayed(TimeSpan.FromSeconds(3), ModelReply.Document(SampleDocuments.Passport(new Dictionary<string, int>
        {
            ["surname"] = 1,
            ["place_of_birth"] = 2,
        })));
        var (body, contentType) = BadUploads.Multipart([("front", DocumentPhotos.Good(), "image/jpeg"), ("back", DocumentPhotos.Good(), "image/jpeg")]);
        var submitted = await PostReadTextAsync(FunctionCall.Request(Host, "POST", "/read_text").WithBody(body, contentType));
        var id = submitted.Body.GetProperty("id").GetString()!;

        var extracting = await Poll.UntilAsync(async () => (await GetAsync($"?task_id={id}")).Body,
            progress => progress.GetProperty("stage").GetString() == "extracting", TimeSpan.FromSeconds(20), "the stage to become extracting");

        Assert.Equal((2, 2), (extracting.GetProperty("pages").GetInt32(), extracting.GetProperty("pages_done").GetInt32()));
        var result = await GetFinishedAsync(id);
        Assert.Equal(StatusCodes.Status200OK, result.Status);
        Assert.Equal(2, Assert.Single(Model.Requests).ImageUrls().Count());
        Assert.Equal(["data_page", "data_page"], result.Body.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("side").GetString()));
        // Each field on the page the model named; where it named none, no page, as it read two.
        var fields = result.Body.GetProperty("fields");
        Assert.Equal((1, 2), (fields.GetProperty("surname").GetProperty("page").GetInt32(), fields.GetProperty("place_of_birth").GetProperty("page").GetInt32()));
        Assert.False(fields.GetProperty("sex").TryGetProperty("page", out _));
    }

    [Fact]
    public async Task An_undecodable_image_answers_422()
    {
        var response = await GetFinishedAsync(await SubmitAsync(SimpleImages.CorruptJpeg(800, 600)));

        Assert.Equal(StatusCodes.Status422UnprocessableEntity, response.Status);
        Assert.Equal(ErrorCodes.ImageUndecodable, response.Code);
    }

    [Fact]
    public async Task A_blurry_photo_answers_422_quality_rejected_with_the_failed_checks()
    {
        var response = await GetFinishedAsync(await SubmitAsync(DocumentPhotos.Blurry()));

        Assert.Equal(StatusCodes.Status422UnprocessableEntity, response.Status);
        Assert.Equal(ErrorCodes.QualityRejected, response.Code);
        Assert.Contains("blurry", response.Body.GetProperty("error").GetString());
        var checks = response.Body.GetProperty("checks").EnumerateArray().ToArray();
        Assert.Contains(checks, c => c.GetProperty("name").GetString() == "blur");
        Assert.All(checks, c => Assert.False(c.GetProperty("passed").GetBoolean()));
        Assert.Empty(Model.Requests);
    }

    [Fact]
    public async Task A_failed_job_answers_500_with_a_message_safe_to_show()
    {
        Model.Default = ModelReply.Status(500);

        var response = await GetFinishedAsync(await SubmitAsync(DocumentPhotos.Good()));

        Assert.Equal(StatusCodes.Status500InternalServerError, response.Status);
        Assert.Equal(ErrorCodes.ExtractionFailed, response.Code);
        var message = response.Body.GetProperty("error").GetString()!;
        Assert.DoesNotContain("Exception", message);
        Assert.DoesNotContain(" at ", message);
        Assert.DoesNotContain("127.0.0.1", message);
    }

    [Fact]
    public async Task Another_keys_task_does_not_exist_for_it()
    {
        var id = await SubmitAsync(DocumentPhotos.Good());
        await Host.WaitForJobAsync(id);

        var response = await GetAsync($"?task_id={id}", KycOcrTestHost.OtherApiKey);

        Assert.Equal(StatusCodes.Status404NotFound, response.Status);
        Assert.Equal("Task ID not found", response.Body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("", 400, ErrorCodes.MissingTaskId)]
    [InlineData("?task_id=", 400, ErrorCodes.MissingTaskId)]
    [InlineData("?task_id=../../etc/passwd", 400, ErrorCodes.InvalidTaskId)]
    [InlineData("?task_id=12345", 400, ErrorCodes.InvalidTaskId)]
    [InlineData("?task_id=5b0f6f4e-8d1c-4c55-9a43-6a1a8c1e2f00", 404, ErrorCodes.TaskNotFound)]
    public async Task Missing_malformed_and_unknown_ids(string query, int status, string code)
    {
        var response = await GetAsync(query);

        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.Code);
    }

    [Fact]
    public async Task Polling_needs_a_valid_key()
    {
        var response = await GetAsync("?task_id=5b0f6f4e-8d1c-4c55-9a43-6a1a8c1e2f00", apiKey: "wrong");

        Assert.Equal(StatusCodes.Status401Unauthorized, response.Status);
        Assert.Equal("Invalid or missing API Key", response.Body.GetProperty("detail").GetString());
    }
}

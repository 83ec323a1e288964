using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KycOcr.TestSupport.Hosting;

namespace KycOcr.TestSupport.Http;

/// <summary>The API as a client sees it: real HTTP to a running service.</summary>
public sealed class ServiceClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public static MultipartFormDataContent Form(byte[] image, string field = "image", string fileName = "photo.jpg", string contentType = "image/jpeg")
    {
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, field, fileName } };
    }

    /// <summary>The pages of one job, each in its field (<c>image</c>, <c>front</c> or <c>back</c>), in this order.</summary>
    public static MultipartFormDataContent Form(params (string Field, byte[] Bytes)[] pages)
    {
        var form = new MultipartFormDataContent();
        foreach (var (field, bytes) in pages)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, field, "photo.jpg");
        }
        return form;
    }

    public Task<Reply> SubmitAsync(byte[] image, string? apiKey = KycOcrTestHost.ApiKey, string? idempotencyKey = null) =>
        SubmitAsync(Form(image), apiKey, idempotencyKey);

    public async Task<Reply> SubmitAsync(HttpContent content, string? apiKey = KycOcrTestHost.ApiKey, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/read_text") { Content = content };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        // As curl does for large bodies: a refused upload is answered before its bytes are sent.
        request.Headers.ExpectContinue = true;
        if (apiKey is not null)
            request.Headers.Add("X-API-Key", apiKey);
        return await SendAsync(request);
    }

    public Task<Reply> StatusAsync(string taskId, string? apiKey = KycOcrTestHost.ApiKey) => TaskRequestAsync(HttpMethod.Get, taskId, apiKey);

    public Task<Reply> EraseAsync(string taskId, string? apiKey = KycOcrTestHost.ApiKey) => TaskRequestAsync(HttpMethod.Delete, taskId, apiKey);

    /// <summary><c>GET /portrait</c>: the crop's bytes when it answers 200, else its JSON error.</summary>
    public async Task<(Reply Reply, byte[]? Jpeg)> PortraitAsync(string taskId, string? apiKey = KycOcrTestHost.ApiKey, string? page = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/portrait?task_id={Uri.EscapeDataString(taskId)}" + (page is null ? "" : $"&page={page}"));
        if (apiKey is not null)
            request.Headers.Add("X-API-Key", apiKey);
        using var response = await _http.SendAsync(request);
        var jpeg = response.Content.Headers.ContentType?.MediaType == "image/jpeg" ? await response.Content.ReadAsByteArrayAsync() : null;
        return (await ReplyAsync(response), jpeg);
    }

    private async Task<Reply> TaskRequestAsync(HttpMethod method, string taskId, string? apiKey)
    {
        using var request = new HttpRequestMessage(method, $"/id?task_id={Uri.EscapeDataString(taskId)}");
        if (apiKey is not null)
            request.Headers.Add("X-API-Key", apiKey);
        return await SendAsync(request);
    }

    public async Task<Reply> GetAsync(string path) => await SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>Polls <c>GET /id</c> until the job leaves 202.</summary>
    public async Task<Reply> WaitForResultAsync(string taskId, TimeSpan? timeout = null, TimeSpan? pollInterval = null, string apiKey = KycOcrTestHost.ApiKey)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var reply = await StatusAsync(taskId, apiKey);
            if (reply.Status != HttpStatusCode.Accepted || DateTime.UtcNow > deadline)
                return reply;
            await Task.Delay(pollInterval ?? TimeSpan.FromMilliseconds(200));
        }
    }

    private async Task<Reply> SendAsync(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request);
        return await ReplyAsync(response);
    }

    private static async Task<Reply> ReplyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json"
            ? JsonDocument.Parse(text).RootElement.Clone()
            : (JsonElement?)null;
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Reply(response.StatusCode, json, text, response.Headers.RetryAfter?.Delta, headers);
    }

    public void Dispose() => _http.Dispose();
}

public sealed record Reply(HttpStatusCode Status, JsonElement? Json, string Text, TimeSpan? RetryAfter, IReadOnlyDictionary<string, string> Headers)
{
    public JsonElement Body => Json ?? throw new InvalidOperationException($"Not JSON ({Status}): {Text}");

    public string? Code => Body.TryGetProperty("code", out var code) ? code.GetString() : null;

    public string Id => Body.GetProperty("id").GetString()!;

    public override string ToString() => $"{(int)Status} {Text}";
}

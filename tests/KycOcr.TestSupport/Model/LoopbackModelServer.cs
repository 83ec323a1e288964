using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KycOcr.TestSupport.Model;

/// <summary>
/// A real HTTP server on loopback that speaks the OpenAI chat-completions wire format, both the OpenAI
/// path (<c>/v1/chat/completions</c>) and Azure OpenAI's (<c>/openai/deployments/{name}/chat/completions</c>).
/// Answers come from a script (<see cref="Enqueue"/>), then from <see cref="Default"/>; every request is recorded.
/// Like the real services, it refuses (400) a request its model would refuse: see <see cref="ModelRequestRules"/>.
/// </summary>
public sealed class LoopbackModelServer : IAsyncDisposable
{
    public const string ModelName = "gpt-4o-loopback";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ModelReply> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LoopbackModelServer(WebApplication app) => _app = app;

    /// <summary>The answer once the script is used up.</summary>
    public ModelReply Default { get; set; } = ModelReply.Document(SampleDocuments.Passport());

    /// <summary>Base address for <c>OPENAI_BASE_URL</c> (ends in <c>/v1</c>).</summary>
    public Uri OpenAiBaseUrl => new(BaseAddress, "v1");

    /// <summary>Endpoint for <c>AZURE_OPENAI_ENDPOINT</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>The model behind each Azure deployment; a deployment not listed is taken to be named after its model.</summary>
    public ConcurrentDictionary<string, string> DeploymentModels { get; } = new(StringComparer.Ordinal);

    public static async Task<LoopbackModelServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackModelServer(app);
        app.MapPost("/{**path}", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public void Enqueue(params ModelReply[] replies)
    {
        foreach (var reply in replies)
            _script.Enqueue(reply);
    }

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
            await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, string path)
    {
        if (!path.EndsWith("chat/completions", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            return;
        }
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        _requests.Enqueue(new RecordedRequest(
            DateTimeOffset.UtcNow,
            "/" + path,
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers.Authorization.ToString(),
            context.Request.Headers["api-key"].ToString(),
            JsonDocument.Parse(body).RootElement.Clone()));

        var recorded = _requests.Last();
        if (ModelRequestRules.Refusal(ModelOf(recorded), recorded.Body) is { } refusal)
        {
            await refusal.WriteAsync(context, context.RequestAborted);
            return;
        }
        var reply = _script.TryDequeue(out var scripted) ? scripted : Default;
        await reply.WriteAsync(context, context.RequestAborted);
    }

    private string ModelOf(RecordedRequest request)
    {
        const string deployments = "/openai/deployments/";
        if (request.Path.StartsWith(deployments, StringComparison.Ordinal))
        {
            var deployment = request.Path[deployments.Length..].Split('/')[0];
            return DeploymentModels.TryGetValue(deployment, out var model) ? model : deployment;
        }
        return request.Body.TryGetProperty("model", out var name) ? name.GetString() ?? string.Empty : string.Empty;
    }
}

/// <summary>What the service sent and when: path, credentials as received, and the JSON body.</summary>
public sealed record RecordedRequest(DateTimeOffset ReceivedAt, string Path, string Query, string Authorization, string ApiKey, JsonElement Body)
{
    /// <summary>The image parts' data URLs of the user messages.</summary>
    public IEnumerable<string> ImageUrls() =>
        Body.GetProperty("messages").EnumerateArray()
            .Where(m => m.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.Array)
            .SelectMany(m => m.GetProperty("content").EnumerateArray())
            .Where(p => p.GetProperty("type").GetString() == "image_url")
            .Select(p => p.GetProperty("image_url").GetProperty("url").GetString()!);
}

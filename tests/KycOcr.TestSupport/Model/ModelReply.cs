using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace KycOcr.TestSupport.Model;

/// <summary>One scripted answer of the <see cref="LoopbackModelServer"/>, in the chat-completions wire format.</summary>
public sealed class ModelReply
{
    private readonly Func<HttpContext, CancellationToken, Task> _write;

    private ModelReply(Func<HttpContext, CancellationToken, Task> write) => _write = write;

    internal Task WriteAsync(HttpContext context, CancellationToken cancellationToken) => _write(context, cancellationToken);

    /// <summary>A completed reply whose message content is <paramref name="content"/>.</summary>
    public static ModelReply Content(string content, string finishReason = "stop", string? refusal = null) =>
        new((context, _) => WriteJsonAsync(context, 200, Completion(content, finishReason, refusal)));

    /// <summary>A completed reply carrying <paramref name="document"/> serialised as the message content.</summary>
    public static ModelReply Document(object document) => Content(JsonSerializer.Serialize(document));

    public static ModelReply Truncated(string partialContent) => Content(partialContent, finishReason: "length");

    public static ModelReply Refusal(string text) => Content(string.Empty, refusal: text);

    public static ModelReply Status(int status, string? errorCode = null, IReadOnlyDictionary<string, string>? headers = null) =>
        new((context, _) =>
        {
            if (headers is not null)
            {
                foreach (var (name, value) in headers)
                    context.Response.Headers[name] = value;
            }
            return WriteJsonAsync(context, status, new
            {
                error = new { message = $"loopback error {status}", type = "loopback", code = errorCode },
            });
        });

    /// <summary>An error answer with the services' body shape: <c>{"error": {...}}</c>.</summary>
    public static ModelReply Error(int status, object error) => new((context, _) => WriteJsonAsync(context, status, new { error }));

    /// <summary>Azure OpenAI's answer when its content filter blocks a prompt.</summary>
    public static ModelReply ContentFilter() => Status(400, "content_filter");

    /// <summary>Waits (or hangs until the client gives up), then answers with <paramref name="then"/>.</summary>
    public static ModelReply Delayed(TimeSpan delay, ModelReply then) =>
        new(async (context, cancellationToken) =>
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.RequestAborted);
            try
            {
                await Task.Delay(delay, linked.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await then.WriteAsync(context, cancellationToken);
        });

    /// <summary>Drops the connection without an answer.</summary>
    public static ModelReply DropConnection() => new((context, _) =>
    {
        context.Abort();
        return Task.CompletedTask;
    });

    private static object Completion(string content, string finishReason, string? refusal) => new
    {
        id = "chatcmpl-loopback",
        @object = "chat.completion",
        created = 1_700_000_000,
        model = LoopbackModelServer.ModelName,
        choices = new[]
        {
            new
            {
                index = 0,
                message = new { role = "assistant", content = refusal is null ? content : null, refusal },
                finish_reason = finishReason,
                logprobs = (object?)null,
            },
        },
        usage = new { prompt_tokens = 812, completion_tokens = 164, total_tokens = 976 },
    };

    private static async Task WriteJsonAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

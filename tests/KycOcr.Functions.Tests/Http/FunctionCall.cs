using System.Net.Http.Headers;
using System.Text.Json;
using KycOcr.Core.Http;
using KycOcr.TestSupport.Hosting;
using Microsoft.AspNetCore.Http;

namespace KycOcr.Functions.Tests.Http;

/// <summary>A real ASP.NET Core request handed to a function method, and the response it wrote.</summary>
public sealed record FunctionResponse(int Status, IHeaderDictionary Headers, JsonElement Body)
{
    public string? Code => Body.TryGetProperty("code", out var c) ? c.GetString() : null;
}

public static class FunctionCall
{
    public static HttpRequest Request(KycOcrTestHost host, string method, string path, string? apiKey = KycOcrTestHost.ApiKey)
    {
        var context = new DefaultHttpContext { RequestServices = host.Services };
        context.Request.Method = method;
        var query = path.IndexOf('?');
        context.Request.Path = query < 0 ? path : path[..query];
        context.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
        if (apiKey is not null)
            context.Request.Headers["X-API-Key"] = apiKey;
        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    public static HttpRequest WithBody(this HttpRequest request, byte[] body, string? contentType)
    {
        request.Body = new MemoryStream(body);
        request.ContentLength = body.Length;
        request.ContentType = contentType;
        return request;
    }

    /// <summary>The body a client builds with multipart/form-data, the file in <paramref name="field"/>.</summary>
    public static HttpRequest WithForm(this HttpRequest request, byte[] file, string field = UploadReader.FormField, string fileName = "photo.jpg")
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(part, field, fileName);
        form.Add(new StringContent("kept for the record"), "note");
        using var buffer = new MemoryStream();
        form.CopyTo(buffer, null, CancellationToken.None);
        return request.WithBody(buffer.ToArray(), form.Headers.ContentType!.ToString());
    }

    public static async Task<FunctionResponse> ExecuteAsync(this HttpRequest request, Func<HttpRequest, Task<IResult>> function)
    {
        var result = await function(request);
        await result.ExecuteAsync(request.HttpContext);
        var response = request.HttpContext.Response;
        response.Body.Position = 0;
        using var document = await JsonDocument.ParseAsync(response.Body);
        return new FunctionResponse(response.StatusCode, response.Headers, document.RootElement.Clone());
    }
}

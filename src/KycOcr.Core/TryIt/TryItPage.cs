using System.Collections.Frozen;
using KycOcr.Core.Configuration;
using KycOcr.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace KycOcr.Core.TryIt;

/// <summary>
/// <c>GET /</c> and <c>GET /try-it/{file}</c>: the try-it page, its script and its stylesheet, embedded in the assembly so
/// nothing is fetched from anywhere else. The policy allows scripts, styles and connections to this origin only, and
/// images from it or from <c>blob:</c> URLs (the photos chosen and the portrait crop); never inline code.
/// </summary>
public sealed class TryItPage(IOptions<TryItPageOptions> options)
{
    public const string ContentSecurityPolicy = "default-src 'self'; img-src 'self' blob:";

    // The page's files by the name they are asked for (also their resource name), each read once, when first asked for.
    private static readonly FrozenDictionary<string, (string ContentType, Lazy<byte[]> Content)> Files = new Dictionary<string, string>
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["try-it.js"] = "text/javascript; charset=utf-8",
        ["try-it.css"] = "text/css; charset=utf-8",
    }.ToFrozenDictionary(f => f.Key, f => (f.Value, new Lazy<byte[]>(() => EmbeddedResources.Bytes("KycOcr.Core.TryIt." + f.Key))), StringComparer.Ordinal);

    /// <summary>The page itself.</summary>
    public IResult Page() => Serve("index.html");

    /// <summary>One of the page's files by name; any other name is 404.</summary>
    public IResult Serve(string file)
    {
        if (!options.Value.Enabled || !Files.TryGetValue(file, out var known))
            return ApiResults.NoSuchRoute();
        return new PageFile(known.Content.Value, known.ContentType);
    }

    private sealed class PageFile(byte[] content, string contentType) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.CacheControl = "no-store";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Results.Bytes(content, contentType).ExecuteAsync(httpContext);
        }
    }
}

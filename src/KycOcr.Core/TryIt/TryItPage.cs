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

    private static readonly FrozenDictionary<string, (string Resource, string ContentType)> Files = new Dictionary<string, (string, string)>
    {
        ["index.html"] = ("index.html", "text/html; charset=utf-8"),
        ["try-it.js"] = ("try-it.js", "text/javascript; charset=utf-8"),
        ["try-it.css"] = ("try-it.css", "text/css; charset=utf-8"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Lazy<byte[]>> Contents = Files.ToFrozenDictionary(
        f => f.Key, f => new Lazy<byte[]>(() => Read(f.Value.Resource)), StringComparer.Ordinal);

    /// <summary>The page itself.</summary>
    public IResult Page() => Serve("index.html");

    /// <summary>One of the page's files by name; any other name is 404.</summary>
    public IResult Serve(string file)
    {
        if (!options.Value.Enabled || !Files.TryGetValue(file, out var known))
            return ApiResults.NoSuchRoute();
        return new PageFile(Contents[file].Value, known.ContentType);
    }

    private static byte[] Read(string resource)
    {
        using var stream = typeof(TryItPage).Assembly.GetManifestResourceStream("KycOcr.Core.TryIt." + resource)
            ?? throw new InvalidOperationException($"{resource} is not embedded in KycOcr.Core.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
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

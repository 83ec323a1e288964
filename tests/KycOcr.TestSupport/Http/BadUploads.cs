using System.Net.Http.Headers;
using KycOcr.Core;
using KycOcr.TestSupport.Hosting;
using KycOcr.TestSupport.Images;
using Xunit;

namespace KycOcr.TestSupport.Http;

/// <summary>One bad <c>POST /read_text</c>: the body and headers sent, and the status and error code it must get.</summary>
public sealed record BadUpload(string Name, byte[] Body, string? ContentType, int Status, string Code, string? ApiKey);

/// <summary>
/// Every way a submission can be wrong, with the status and code the API documents for it: written once, sent by
/// the function app's tests (through the function method) and by <c>kycocr serve</c>'s (over HTTP).
/// </summary>
public static class BadUploads
{
    private sealed record Case(string Name, Func<long, (byte[] Body, string? ContentType)> Build, int Status, string Code, string? ApiKey = KycOcrTestHost.ApiKey);

    private static readonly Case[] Cases =
    [
        new("empty body", _ => ([], "image/jpeg"), 400, ErrorCodes.EmptyUpload),
        new("wrong form field", _ => Multipart(SimpleImages.Encode(200, 150), field: "file"), 400, ErrorCodes.MissingImageField),
        new("broken multipart", _ => ("--x\r\nContent-Disposition: form-data; name=\"image\"\r\n\r\nabc"u8.ToArray(), "multipart/form-data; boundary=x"), 400, ErrorCodes.MalformedMultipart),
        new("multipart without boundary", _ => ("abc"u8.ToArray(), "multipart/form-data"), 400, ErrorCodes.MalformedMultipart),
        new("text file in the form", _ => Multipart("name,passport\nA,123\n"u8.ToArray()), 415, ErrorCodes.NotAnImage),
        new("text content type", _ => ("hello"u8.ToArray(), "text/plain"), 415, ErrorCodes.UnsupportedMediaType),
        new("no content type", _ => (SimpleImages.Encode(200, 150), null), 415, ErrorCodes.UnsupportedMediaType),
        new("truncated jpeg", _ => (DocumentPhotos.Good()[..(DocumentPhotos.Good().Length / 2)], "image/jpeg"), 422, ErrorCodes.ImageTruncated),
        new("png declaring 40000x40000", _ => Multipart(SimpleImages.PngHeaderOnly(40_000, 40_000), fileContentType: "image/png"), 413, ErrorCodes.ImageTooLarge),
        new("1 MB over the limit", limit => (new byte[limit + 1024 * 1024], "image/jpeg"), 413, ErrorCodes.UploadTooLarge),
        new("form 1 MB over the limit", limit => Multipart(new byte[limit + 1024 * 1024]), 413, ErrorCodes.UploadTooLarge),
        new("more pages than MAX_PAGES (4)", _ => Multipart([.. Enumerable.Repeat(("image", SimpleImages.Encode(200, 150), "image/jpeg"), 5)]), 400, ErrorCodes.TooManyPages),
        new("a text file as the back", _ => Multipart([("front", SimpleImages.Encode(200, 150), "image/jpeg"), ("back", "name\nA\n"u8.ToArray(), "image/jpeg")]), 415, ErrorCodes.NotAnImage),
        new("no key", _ => Multipart(SimpleImages.Encode(200, 150)), 401, ErrorCodes.Unauthorized, ApiKey: null),
        new("wrong key", _ => Multipart(SimpleImages.Encode(200, 150)), 401, ErrorCodes.Unauthorized, ApiKey: "not-a-key"),
    ];

    public static TheoryData<string> Names => new(Cases.Select(c => c.Name));

    /// <param name="maxUploadBytes">The service's <c>MAX_UPLOAD_BYTES</c>, which the oversized cases exceed.</param>
    public static BadUpload Named(string name, long maxUploadBytes)
    {
        var found = Cases.Single(c => c.Name == name);
        var (body, contentType) = found.Build(maxUploadBytes);
        return new BadUpload(found.Name, body, contentType, found.Status, found.Code, found.ApiKey);
    }

    /// <summary>A multipart/form-data body as a client builds it, the file in <paramref name="field"/>.</summary>
    public static (byte[] Body, string ContentType) Multipart(byte[] file, string field = "image", string fileContentType = "image/jpeg") =>
        Multipart([(field, file, fileContentType)]);

    /// <summary>A multipart/form-data body of several files (the pages of one job).</summary>
    public static (byte[] Body, string ContentType) Multipart(IReadOnlyList<(string Field, byte[] File, string ContentType)> files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (field, file, contentType) in files)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(part, field, "photo.jpg");
        }
        using var buffer = new MemoryStream();
        form.CopyTo(buffer, null, CancellationToken.None);
        return (buffer.ToArray(), form.Headers.ContentType!.ToString());
    }
}

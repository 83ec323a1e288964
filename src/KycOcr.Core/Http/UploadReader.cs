using KycOcr.Core.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KycOcr.Core.Http;

/// <summary>
/// Reads the uploaded pages from a multipart form (the field <c>image</c>, repeated for several pages, or the fields
/// <c>front</c> and <c>back</c>) or one page as a raw image body, never buffering more than <c>MAX_UPLOAD_BYTES</c> in
/// all: a larger upload is refused as soon as the limit is passed.
/// </summary>
public sealed class UploadReader(IOptions<ApiOptions> options)
{
    public const string FormField = "image";
    public const string FrontField = "front";
    public const string BackField = "back";

    // Boundaries and part headers around the files; a form larger than this beyond the limit is refused unread.
    private const int MultipartOverheadBytes = 64 * 1024;

    /// <summary>One uploaded page, and the side the client sent it as (the field <c>front</c> or <c>back</c>), if it did.</summary>
    public sealed record Page(byte[] Bytes, string? NamedSide);

    public sealed record Upload(IReadOnlyList<Page>? Pages, int Status, ApiError? Error)
    {
        public static Upload Failed(int status, string code, string message) => new(null, status, new ApiError(message, code));
    }

    public async Task<Upload> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxUploadBytes;
        if (request.ContentLength > max + MultipartOverheadBytes)
            return TooLarge(max);

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || mediaType.MediaType.Value is not { } type)
            return UnsupportedType();

        try
        {
            if (type.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
                return await ReadMultipartAsync(request, mediaType, max, options.Value.MaxPages, cancellationToken);
            if (type.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
                || type.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase))
            {
                var bytes = await ReadLimitedAsync(request.Body, max, cancellationToken);
                return bytes is null ? TooLarge(max) : Checked([new Page(bytes, null)]);
            }
            return UnsupportedType();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(max); // the server's own body limit
        }
    }

    private static async Task<Upload> ReadMultipartAsync(HttpRequest request, MediaTypeHeaderValue mediaType, long max, int maxPages, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
            return Malformed("The multipart form has no boundary.");

        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = max };
        var pages = new List<Page>();
        long total = 0;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                // A page is a file in image (repeated), front or back; other fields are not read.
                var field = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (field is not (FormField or FrontField or BackField))
                    continue;
                if (pages.Count == maxPages)
                {
                    return Upload.Failed(StatusCodes.Status400BadRequest, ErrorCodes.TooManyPages,
                        $"A job takes at most {maxPages} pages (photos): send the others in another job.");
                }
                var bytes = await ReadLimitedAsync(section.Body, max - total, cancellationToken);
                if (bytes is null)
                    return TooLarge(max);
                total += bytes.Length;
                pages.Add(new Page(bytes, field == FormField ? null : field));
            }
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return TooLarge(max);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return Malformed("The multipart form could not be read; send the file as multipart/form-data in the field 'image'.");
        }
        if (pages.Count > 0)
            return Checked(pages);
        return Upload.Failed(StatusCodes.Status400BadRequest, ErrorCodes.MissingImageField,
            $"The form has no file in the field '{FormField}': send the photo as multipart/form-data field '{FormField}' "
            + $"(or the two sides of a card as '{FrontField}' and '{BackField}').");
    }

    private static Upload Checked(List<Page> pages)
    {
        var empty = pages.FindIndex(p => p.Bytes.Length == 0);
        if (empty < 0)
            return new Upload(pages, StatusCodes.Status200OK, null);
        var error = new ApiError("The upload is empty: attach a photo of the document.", ErrorCodes.EmptyUpload);
        return new Upload(null, StatusCodes.Status400BadRequest, pages.Count == 1 ? error : OfPage(error, empty));
    }

    /// <summary>An error about one page of several: its number (from 1) in the message and in <c>page</c>.</summary>
    public static ApiError OfPage(ApiError error, int index) => error with { Error = $"Page {index + 1}: {error.Error}", Page = index + 1 };

    // The bytes, or null past the limit.
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static Upload TooLarge(long max) => Upload.Failed(StatusCodes.Status413PayloadTooLarge, ErrorCodes.UploadTooLarge,
        $"The upload is larger than {max / (1024.0 * 1024.0):0.#} MB: send a smaller photo.");

    private static Upload UnsupportedType() => Upload.Failed(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
        $"Send the photo as multipart/form-data (field '{FormField}') or as a raw body with an image content type.");

    private static Upload Malformed(string message) => Upload.Failed(StatusCodes.Status400BadRequest, ErrorCodes.MalformedMultipart, message);
}

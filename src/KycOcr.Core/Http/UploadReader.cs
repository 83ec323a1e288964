using KycOcr.Core.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KycOcr.Core.Http;

/// <summary>
/// Reads the uploaded image from a multipart form (field <c>image</c>) or a raw image body, never
/// buffering more than <c>MAX_UPLOAD_BYTES</c>: a larger upload is refused as soon as the limit is passed.
/// </summary>
public sealed class UploadReader(IOptions<ApiOptions> options)
{
    public const string FormField = "image";

    // Boundaries and part headers around the file; a form larger than this beyond the limit is refused unread.
    private const int MultipartOverheadBytes = 64 * 1024;

    public sealed record Upload(byte[]? Bytes, int Status, ApiError? Error)
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
                return await ReadMultipartAsync(request, mediaType, max, cancellationToken);
            if (type.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
                || type.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase))
            {
                return await ReadLimitedAsync(request.Body, max, cancellationToken);
            }
            return UnsupportedType();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(max); // the server's own body limit
        }
    }

    private static async Task<Upload> ReadMultipartAsync(HttpRequest request, MediaTypeHeaderValue mediaType, long max, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
            return Malformed("The multipart form has no boundary.");

        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = max };
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    && disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                    && HeaderUtilities.RemoveQuotes(disposition.Name).Equals(FormField, StringComparison.Ordinal))
                {
                    return await ReadLimitedAsync(section.Body, max, cancellationToken);
                }
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
        return Upload.Failed(StatusCodes.Status400BadRequest, ErrorCodes.MissingImageField,
            $"The form has no file in the field '{FormField}': send the photo as multipart/form-data field '{FormField}'.");
    }

    private static async Task<Upload> ReadLimitedAsync(Stream body, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
                return TooLarge(max);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
            return Upload.Failed(StatusCodes.Status400BadRequest, ErrorCodes.EmptyUpload, "The upload is empty: attach a photo of the document.");
        return new Upload(buffer.ToArray(), StatusCodes.Status200OK, null);
    }

    private static Upload TooLarge(long max) => Upload.Failed(StatusCodes.Status413PayloadTooLarge, ErrorCodes.UploadTooLarge,
        $"The upload is larger than {max / (1024.0 * 1024.0):0.#} MB: send a smaller photo.");

    private static Upload UnsupportedType() => Upload.Failed(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
        $"Send the photo as multipart/form-data (field '{FormField}') or as a raw body with an image content type.");

    private static Upload Malformed(string message) => Upload.Failed(StatusCodes.Status400BadRequest, ErrorCodes.MalformedMultipart, message);
}

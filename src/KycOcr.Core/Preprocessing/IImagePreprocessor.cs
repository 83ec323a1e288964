using System.Text.Json;

namespace KycOcr.Core.Preprocessing;

/// <summary>
/// Turns an upload into the JPEG the extractor reads and the MRZ read from the upload's best pixels, or rejects it
/// with a reason the customer can act on.
/// </summary>
public interface IImagePreprocessor
{
    PreparedImage Prepare(byte[] upload);
}

/// <param name="Jpeg">The model-ready image when accepted.</param>
/// <param name="Quality">The quality report (<c>quality</c> in the result), when checks ran.</param>
/// <param name="Rejection">Why the image was refused (422), when it was.</param>
/// <param name="Mrz">The MRZ reading (<c>mrz</c> in the result; found or not), when the image could be decoded.</param>
public sealed record PreparedImage(byte[]? Jpeg, JsonElement? Quality, ApiError? Rejection, JsonElement? Mrz = null);

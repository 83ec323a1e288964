using KycOcr.Core.Barcodes;
using KycOcr.Core.Mrz;
using KycOcr.Core.Portraits;
using KycOcr.Core.Quality;

namespace KycOcr.Core.Preprocessing;

/// <summary>
/// Turns an upload into the JPEG the extractor reads and the MRZ read from the upload's best pixels, or rejects it
/// with a reason the customer can act on.
/// </summary>
public interface IImagePreprocessor
{
    PreparedImage Prepare(byte[] upload);
}

/// <summary>The upload, accepted and prepared for the extractor, or refused.</summary>
public abstract record PreparedImage
{
    /// <param name="Jpeg">The model-ready image.</param>
    /// <param name="Quality">The quality report (<c>quality</c> in the result).</param>
    /// <param name="Mrz">The MRZ reading (<c>mrz</c> in the result; found or not).</param>
    /// <param name="Portrait">The holder's face on the model-ready image, with its crop; null when none shows or portraits are off.</param>
    /// <param name="Barcode">A PDF417 barcode read as AAMVA, on a page without an MRZ; null when none.</param>
    public sealed record Accepted(byte[] Jpeg, QualitySummary Quality, MrzReading Mrz, FoundPortrait? Portrait = null, BarcodeReading? Barcode = null)
        : PreparedImage;

    /// <summary>Why the image was refused: a 4xx error with what was learnt from it.</summary>
    public sealed record Refused(ApiError Error) : PreparedImage;
}

/// <summary>The holder's face: its box on the page, and the crop (biometric data: stored for its owner only, never logged).</summary>
public sealed record FoundPortrait(PortraitBox Box, byte[] Jpeg);

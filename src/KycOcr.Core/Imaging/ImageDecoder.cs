using OpenCvSharp;

namespace KycOcr.Core.Imaging;

/// <summary>Decodes untrusted bytes with OpenCV only after the header has been read and its size allowed.</summary>
public static class ImageDecoder
{
    /// <summary>The header of an acceptable image, or an <see cref="ImageRejectedException"/> saying why not.</summary>
    public static ImageHeader Inspect(ReadOnlySpan<byte> data, long maxPixels)
    {
        if (data.IsEmpty)
            throw new ImageRejectedException(ErrorCodes.EmptyUpload, "The upload is empty: attach a photo of the document.");

        var header = ImageHeaderReader.Read(data)
            ?? throw new ImageRejectedException(ErrorCodes.NotAnImage,
                "The upload is not an image this service reads: send a JPEG, PNG, WebP, TIFF or BMP photo.");

        if (header.Pixels is { } pixels && pixels > maxPixels)
        {
            throw new ImageRejectedException(ErrorCodes.ImageTooLarge,
                $"The image declares {header.Width}x{header.Height} pixels, more than the {maxPixels / 1_000_000.0:0.#} megapixels accepted: send a smaller photo.");
        }
        if (IsTruncated(data, header.Format))
        {
            throw new ImageRejectedException(ErrorCodes.ImageTruncated,
                "The image file is incomplete (cut off during upload or saving): take and send the photo again.");
        }
        return header;
    }

    /// <summary>
    /// A JPEG without its end-of-image marker, or a PNG without its end chunk, was cut short; OpenCV would
    /// decode it anyway with the missing part grey. Cameras may append data after the marker, so the tail is searched.
    /// </summary>
    private static bool IsTruncated(ReadOnlySpan<byte> data, ImageFormat format)
    {
        var tail = data[Math.Max(0, data.Length - 64 * 1024)..];
        return format switch
        {
            ImageFormat.Jpeg => tail.IndexOf([(byte)0xFF, (byte)0xD9]) < 0,
            ImageFormat.Png => tail[Math.Max(0, tail.Length - 64)..].IndexOf("IEND"u8) < 0,
            _ => false,
        };
    }

    /// <summary>A 3-channel BGR image; the caller disposes it.</summary>
    public static Mat Decode(byte[] data, long maxPixels) => Decode(data, maxPixels, 1);

    /// <summary>
    /// A 3-channel BGR image decoded at 1/<paramref name="reduction"/> of its size (1, 2, 4 or 8); JPEG
    /// decodes that much less, about twice as fast per halving. The caller disposes it.
    /// </summary>
    public static Mat Decode(byte[] data, long maxPixels, int reduction)
    {
        var mode = reduction switch
        {
            1 => ImreadModes.Color,
            2 => ImreadModes.ReducedColor2,
            4 => ImreadModes.ReducedColor4,
            8 => ImreadModes.ReducedColor8,
            _ => throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "Reduction must be 1, 2, 4 or 8."),
        };
        var header = Inspect(data, maxPixels);
        if (header.Pixels is null)
            throw Undecodable();

        var mat = Cv2.ImDecode(data, mode);
        if (mat.Empty())
        {
            mat.Dispose();
            throw Undecodable();
        }
        return mat;
    }

    private static ImageRejectedException Undecodable() =>
        new(ErrorCodes.ImageUndecodable, "The image could not be decoded (it may be truncated or corrupt): take and send the photo again.");
}

using System.Buffers.Binary;

namespace KycOcr.Core.Imaging;

/// <summary>
/// Recognises an image by its content (never by a client's content type or file name) and reads its
/// declared size from the header, so oversize images are refused before a decoder allocates for them.
/// </summary>
public static class ImageHeaderReader
{
    /// <summary>Bytes that always suffice to recognise the format (dimensions may need more for JPEG).</summary>
    public const int SniffLength = 32;

    /// <summary>The header, or null when the bytes are not one of the accepted formats.</summary>
    public static ImageHeader? Read(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
            return Jpeg(data);
        if (data.Length >= 8 && data[..8].SequenceEqual(PngSignature))
            return Png(data);
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8))
            return WebP(data);
        if (data.Length >= 4 && (data[..4].SequenceEqual("II*\0"u8) || data[..4].SequenceEqual("MM\0*"u8)))
            return Tiff(data);
        if (data.Length >= 2 && data[0] == (byte)'B' && data[1] == (byte)'M')
            return Bmp(data);
        return null;
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ImageHeader Png(ReadOnlySpan<byte> d)
    {
        // IHDR is always the first chunk: length, "IHDR", width, height (big-endian).
        if (d.Length < 24 || !d.Slice(12, 4).SequenceEqual("IHDR"u8))
            return new ImageHeader(ImageFormat.Png, null, null);
        return Sized(ImageFormat.Png, BinaryPrimitives.ReadUInt32BigEndian(d[16..]), BinaryPrimitives.ReadUInt32BigEndian(d[20..]));
    }

    private static ImageHeader Jpeg(ReadOnlySpan<byte> d)
    {
        var i = 2;
        while (i + 4 <= d.Length)
        {
            if (d[i] != 0xFF)
                break;
            var marker = d[i + 1];
            if (marker == 0xFF)
            {
                i++; // fill byte
                continue;
            }
            if (marker is 0xD8 or 0x01 or >= 0xD0 and <= 0xD7)
            {
                i += 2; // markers without a length
                continue;
            }
            if (marker is 0xD9 or 0xDA)
                break; // end of image, or entropy-coded data before any frame header
            var length = BinaryPrimitives.ReadUInt16BigEndian(d[(i + 2)..]);
            var isFrameHeader = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isFrameHeader)
            {
                if (i + 9 > d.Length)
                    break;
                return Sized(ImageFormat.Jpeg, BinaryPrimitives.ReadUInt16BigEndian(d[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(d[(i + 5)..]));
            }
            i += 2 + length;
        }
        return new ImageHeader(ImageFormat.Jpeg, null, null);
    }

    private static ImageHeader WebP(ReadOnlySpan<byte> d)
    {
        if (d.Length >= 30 && d.Slice(12, 4).SequenceEqual("VP8X"u8))
            return Sized(ImageFormat.WebP, 1 + UInt24(d[24..]), 1 + UInt24(d[27..]));
        if (d.Length >= 25 && d.Slice(12, 4).SequenceEqual("VP8L"u8) && d[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(d[21..]);
            return Sized(ImageFormat.WebP, 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF));
        }
        if (d.Length >= 30 && d.Slice(12, 4).SequenceEqual("VP8 "u8) && d[23] == 0x9D && d[24] == 0x01 && d[25] == 0x2A)
        {
            return Sized(ImageFormat.WebP,
                BinaryPrimitives.ReadUInt16LittleEndian(d[26..]) & 0x3FFFu,
                BinaryPrimitives.ReadUInt16LittleEndian(d[28..]) & 0x3FFFu);
        }
        return new ImageHeader(ImageFormat.WebP, null, null);
    }

    private static ImageHeader Bmp(ReadOnlySpan<byte> d)
    {
        if (d.Length < 26)
            return new ImageHeader(ImageFormat.Bmp, null, null);
        var dibSize = BinaryPrimitives.ReadUInt32LittleEndian(d[14..]);
        if (dibSize == 12)
            return Sized(ImageFormat.Bmp, BinaryPrimitives.ReadUInt16LittleEndian(d[18..]), BinaryPrimitives.ReadUInt16LittleEndian(d[20..]));
        // Height is negative for top-down bitmaps.
        var width = BinaryPrimitives.ReadInt32LittleEndian(d[18..]);
        var height = BinaryPrimitives.ReadInt32LittleEndian(d[22..]);
        return Sized(ImageFormat.Bmp, (uint)Math.Abs((long)width), (uint)Math.Abs((long)height));
    }

    private static ImageHeader Tiff(ReadOnlySpan<byte> d)
    {
        var little = d[0] == (byte)'I';
        uint? width = null, height = null;
        if (d.Length >= 8)
        {
            var ifd = ReadUInt32(d, 4, little);
            if (ifd + 2 <= (uint)d.Length)
            {
                var count = ReadUInt16(d, (int)ifd, little);
                for (var n = 0; n < count; n++)
                {
                    var entry = (int)ifd + 2 + n * 12;
                    if (entry + 12 > d.Length)
                        break;
                    var tag = ReadUInt16(d, entry, little);
                    var type = ReadUInt16(d, entry + 2, little);
                    uint value = type == 3 ? ReadUInt16(d, entry + 8, little) : ReadUInt32(d, entry + 8, little);
                    if (tag == 256) width = value;
                    else if (tag == 257) height = value;
                }
            }
        }
        return width is { } w && height is { } h ? Sized(ImageFormat.Tiff, w, h) : new ImageHeader(ImageFormat.Tiff, null, null);
    }

    private static ImageHeader Sized(ImageFormat format, uint width, uint height) =>
        // A zero dimension is as undecodable as a missing one; clamp absurd values so Pixels cannot overflow.
        width == 0 || height == 0
            ? new ImageHeader(format, null, null)
            : new ImageHeader(format, (int)Math.Min(width, int.MaxValue), (int)Math.Min(height, int.MaxValue));

    private static uint UInt24(ReadOnlySpan<byte> d) => (uint)(d[0] | d[1] << 8 | d[2] << 16);

    private static ushort ReadUInt16(ReadOnlySpan<byte> d, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(d[at..]) : BinaryPrimitives.ReadUInt16BigEndian(d[at..]);

    private static uint ReadUInt32(ReadOnlySpan<byte> d, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(d[at..]) : BinaryPrimitives.ReadUInt32BigEndian(d[at..]);
}

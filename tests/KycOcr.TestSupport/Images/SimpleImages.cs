using OpenCvSharp;

namespace KycOcr.TestSupport.Images;

/// <summary>Small images drawn with OpenCV at test time, for tests that need real encoded bytes of a format.</summary>
public static class SimpleImages
{
    /// <summary>A card-like picture: light card with text lines on a darker table.</summary>
    public static byte[] Encode(int width, int height, string extension = ".jpg")
    {
        using var image = new Mat(height, width, MatType.CV_8UC3, new Scalar(70, 90, 110));
        var card = new Rect(width / 8, height / 6, width * 3 / 4, height * 2 / 3);
        Cv2.Rectangle(image, card, new Scalar(235, 235, 228), -1);
        Cv2.Rectangle(image, new Rect(card.X, card.Y, card.Width, card.Height / 6), new Scalar(160, 90, 30), -1);
        var scale = Math.Max(0.3, width / 1600.0);
        for (var line = 0; line < 4; line++)
        {
            Cv2.PutText(image, $"SPECIMEN LINE {line} <<<<<<", new Point(card.X + 10, card.Y + card.Height / 3 + line * card.Height / 7),
                HersheyFonts.HersheySimplex, scale, Scalar.Black, Math.Max(1, (int)scale * 2));
        }
        return image.ImEncode(extension);
    }

    /// <summary>The first bytes of a PNG whose header declares the given size, with no pixel data.</summary>
    public static byte[] PngHeaderOnly(uint width, uint height)
    {
        var bytes = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(bytes, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(20), height);
        bytes[24] = 8; // bit depth
        bytes[25] = 2; // colour type RGB
        return bytes;
    }

    /// <summary>
    /// A JPEG with a valid header and end marker but no image data: it passes every check at submit and
    /// fails only when decoded.
    /// </summary>
    public static byte[] CorruptJpeg(int width, int height)
    {
        var jpeg = Encode(width, height);
        var scan = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xDA]);
        return [.. jpeg[..scan], 0xFF, 0xD9];
    }
}

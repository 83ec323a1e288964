namespace KycOcr.TestSupport.Images;

/// <summary>Marks a JPEG with an EXIF orientation, as a phone does for a photo taken sideways.</summary>
public static class ExifOrientation
{
    /// <summary>
    /// <paramref name="jpeg"/> with an APP1 Exif segment holding only the Orientation tag (1–8; 6 = show turned a
    /// quarter clockwise), after its JFIF segment when it has one.
    /// </summary>
    public static byte[] Tag(byte[] jpeg, ushort orientation)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
            throw new ArgumentException("Not a JPEG.", nameof(jpeg));
        byte[] segment =
        [
            0xFF, 0xE1, 0x00, 34, (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'M', (byte)'M', 0x00, 0x2A, 0, 0, 0, 8, // big-endian TIFF header, first IFD at 8
            0, 1, // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, (byte)(orientation >> 8), (byte)orientation, 0, 0, // Orientation, SHORT, 1 value
            0, 0, 0, 0, // no next IFD
        ];
        // After SOI, and after an APP0 (JFIF) segment when there is one.
        var at = 2;
        if (jpeg[2] == 0xFF && jpeg[3] == 0xE0)
            at = 4 + (jpeg[4] << 8 | jpeg[5]);
        return [.. jpeg.AsSpan(0, at), .. segment, .. jpeg.AsSpan(at)];
    }
}

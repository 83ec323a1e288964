using OpenCvSharp;

namespace KycOcr.Samples;

/// <summary>An encoded synthetic photo and its ground truth.</summary>
public sealed record SyntheticDocumentPhoto(byte[] Bytes, PhotoFormat Format, int Width, int Height, DocumentGroundTruth Truth)
{
    /// <summary>Decodes <see cref="Bytes"/> to a BGR Mat; the caller disposes it.</summary>
    public Mat Decode() => Cv2.ImDecode(Bytes, ImreadModes.Color);

    public string FileExtension => Format == PhotoFormat.Jpeg ? ".jpg" : ".png";

    /// <summary>
    /// The photo cut to the document's bounding box and <paramref name="margin"/> of its size around it, as a capture
    /// SDK hands over its crop (a JPEG of <paramref name="jpegQuality"/>): a sliver of table, or none.
    /// </summary>
    public byte[] CroppedToDocument(double margin, int jpegQuality = 90)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        var corners = Truth.Corners ?? throw new InvalidOperationException("The photo shows no document to crop to.");
        double left = corners.Min(c => c.X), right = corners.Max(c => c.X), top = corners.Min(c => c.Y), bottom = corners.Max(c => c.Y);
        double dx = margin * (right - left), dy = margin * (bottom - top);
        int x0 = Math.Max(0, (int)Math.Floor(left - dx)), y0 = Math.Max(0, (int)Math.Floor(top - dy));
        int x1 = Math.Min(Width, (int)Math.Ceiling(right + dx)), y1 = Math.Min(Height, (int)Math.Ceiling(bottom + dy));
        using var image = Decode();
        using var crop = new Mat(image, new Rect(x0, y0, x1 - x0, y1 - y0));
        return ImageEncoder.Encode(crop, PhotoFormat.Jpeg, jpegQuality);
    }
}

using OpenCvSharp;

namespace KycOcr.Samples;

/// <summary>An encoded synthetic photo and its ground truth.</summary>
public sealed record SyntheticDocumentPhoto(byte[] Bytes, PhotoFormat Format, int Width, int Height, DocumentGroundTruth Truth)
{
    /// <summary>Decodes <see cref="Bytes"/> to a BGR Mat; the caller disposes it.</summary>
    public Mat Decode() => Cv2.ImDecode(Bytes, ImreadModes.Color);

    public string FileExtension => Format == PhotoFormat.Jpeg ? ".jpg" : ".png";
}

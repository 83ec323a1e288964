using OpenCvSharp;

namespace KycOcr.Samples;

/// <summary>
/// The upright document alone (no photo), for MRZ-reader tests. Outside the rounded corners
/// is white. Owns <see cref="Image"/>: dispose it.
/// </summary>
public sealed class FlatDocument : IDisposable
{
    internal FlatDocument(Mat image, double pixelsPerMm, MrzRegion mrz, DocumentGroundTruth truth, HolderData holder)
    {
        Image = image;
        PixelsPerMm = pixelsPerMm;
        Mrz = mrz;
        Truth = truth;
        Holder = holder;
    }

    /// <summary>BGR, 8 bits per channel.</summary>
    public Mat Image { get; }

    public double PixelsPerMm { get; }
    public MrzRegion Mrz { get; }
    public DocumentGroundTruth Truth { get; }

    /// <summary>The data as printed in the visual zone (untruncated names).</summary>
    public HolderData Holder { get; }

    public byte[] Encode(PhotoFormat format = PhotoFormat.Png, int jpegQuality = 95) => ImageEncoder.Encode(Image, format, jpegQuality);

    public void Dispose() => Image.Dispose();
}

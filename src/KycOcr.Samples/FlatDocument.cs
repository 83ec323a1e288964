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

    /// <summary>
    /// The document as a web page or a capture SDK hands it over: no background, scaled to <paramref name="width"/>
    /// pixels (area-averaged, as image tools shrink), a JPEG of <paramref name="jpegQuality"/>.
    /// </summary>
    public byte[] EncodeWebSized(int width, int jpegQuality = 80)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 32);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, Image.Cols);
        using var small = new Mat();
        Cv2.Resize(Image, small, new Size(width, (int)Math.Round((double)Image.Rows * width / Image.Cols)), 0, 0, InterpolationFlags.Area);
        return ImageEncoder.Encode(small, PhotoFormat.Jpeg, jpegQuality);
    }

    public void Dispose() => Image.Dispose();
}

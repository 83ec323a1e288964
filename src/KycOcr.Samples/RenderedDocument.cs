using OpenCvSharp;

namespace KycOcr.Samples;

/// <summary>A flat render with premultiplied BGRA (transparent outside the rounded corners).</summary>
internal sealed class RenderedDocument(Mat bgra, double pixelsPerMm, DocumentLayout layout, MrzRegion mrz) : IDisposable
{
    public Mat Bgra { get; } = bgra;
    public double PixelsPerMm { get; } = pixelsPerMm;
    public DocumentLayout Layout { get; } = layout;
    public MrzRegion Mrz { get; } = mrz;

    public void Dispose() => Bgra.Dispose();
}

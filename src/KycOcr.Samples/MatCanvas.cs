using OpenCvSharp;
using SkiaSharp;

namespace KycOcr.Samples;

/// <summary>
/// A Skia canvas drawing straight into a BGRA OpenCV Mat's memory (premultiplied alpha).
/// OpenCvSharp's Linux runtime has no freetype module, so text and vector art go through Skia.
/// </summary>
internal sealed class MatCanvas : IDisposable
{
    private readonly SKSurface _surface;

    public MatCanvas(Mat bgra)
    {
        if (bgra.Type() != MatType.CV_8UC4 || !bgra.IsContinuous())
        {
            throw new ArgumentException("MatCanvas needs a continuous CV_8UC4 (BGRA) Mat.", nameof(bgra));
        }

        var info = new SKImageInfo(bgra.Cols, bgra.Rows, SKColorType.Bgra8888, SKAlphaType.Premul);
        _surface = SKSurface.Create(info, bgra.Data, (int)bgra.Step())
            ?? throw new InvalidOperationException("Skia could not wrap the Mat's pixels.");
    }

    public SKCanvas Canvas => _surface.Canvas;

    public void Dispose()
    {
        _surface.Canvas.Flush();
        _surface.Dispose();
    }
}

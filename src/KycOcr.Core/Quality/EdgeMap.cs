using System.Runtime.InteropServices;
using OpenCvSharp;

namespace KycOcr.Core.Quality;

/// <summary>A binary edge image copied to managed memory: the line searches probe it pixel by pixel.</summary>
internal sealed class EdgeMap
{
    private readonly byte[] _pixels;

    public EdgeMap(Mat edges)
    {
        Width = edges.Width;
        Height = edges.Height;
        _pixels = new byte[Width * Height];
        using var continuous = edges.IsContinuous() ? null : edges.Clone();
        Marshal.Copy((continuous ?? edges).Data, _pixels, 0, _pixels.Length);
    }

    public int Width { get; }
    public int Height { get; }

    public bool IsEdge(int x, int y) => x >= 0 && y >= 0 && x < Width && y < Height && _pixels[y * Width + x] != 0;
}

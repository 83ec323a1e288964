using System.Runtime.InteropServices;
using OpenCvSharp;

namespace KycOcr.Core.Quality;

/// <summary>A binary edge image copied to managed memory: the line searches probe it pixel by pixel.</summary>
internal sealed class EdgeMap
{
    private readonly byte[] _pixels;

    /// <summary>Edge anywhere in the 5×5 block around a pixel; null unless asked for.</summary>
    private readonly byte[]? _near;

    /// <param name="withNeighbourhood">
    /// Also keep the 5×5 dilation, for <see cref="MayHaveEdgeNear"/>: the support walks probe three pixels
    /// across the line at each place, and on bare table or paper one look tells that all three miss.
    /// </param>
    public EdgeMap(Mat edges, bool withNeighbourhood = false)
    {
        Width = edges.Width;
        Height = edges.Height;
        _pixels = Copy(edges);
        if (withNeighbourhood)
        {
            using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(5, 5));
            using var dilated = new Mat();
            Cv2.Dilate(edges, dilated, kernel);
            _near = Copy(dilated);
        }
    }

    public int Width { get; }
    public int Height { get; }

    public bool IsEdge(int x, int y) => x >= 0 && y >= 0 && x < Width && y < Height && _pixels[y * Width + x] != 0;

    /// <summary>
    /// False only when no edge pixel lies within two pixels (each way) of (x, y): then a probe at the rounding
    /// of any point within a pixel of the point that rounds to (x, y) misses (rounding moves each coordinate
    /// by at most two). True off the map and when the neighbourhood was not kept.
    /// </summary>
    public bool MayHaveEdgeNear(int x, int y) =>
        _near is null || x < 0 || y < 0 || x >= Width || y >= Height || _near[y * Width + x] != 0;

    /// <summary>
    /// An edge pixel at the rounding of (x, y) or of a unit step either way along (normalX, normalY): the
    /// support walks' test of a line at one place. Bare table or paper is told by one look at the neighbourhood.
    /// </summary>
    public bool HasEdgeAcross(double x, double y, double normalX, double normalY)
    {
        if (!MayHaveEdgeNear((int)Math.Round(x), (int)Math.Round(y)))
            return false;
        for (var d = -1; d <= 1; d++)
        {
            if (IsEdge((int)Math.Round(x + normalX * d), (int)Math.Round(y + normalY * d)))
                return true;
        }
        return false;
    }

    private static byte[] Copy(Mat image)
    {
        var pixels = new byte[image.Width * image.Height];
        using var continuous = image.IsContinuous() ? null : image.Clone();
        Marshal.Copy((continuous ?? image).Data, pixels, 0, pixels.Length);
        return pixels;
    }
}

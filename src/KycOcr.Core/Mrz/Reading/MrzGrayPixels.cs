using System.Runtime.InteropServices;
using OpenCvSharp;

namespace KycOcr.Core.Mrz.Reading;

/// <summary>A grey (CV_8UC1) image copied to managed memory once, so cell windows are cut without a native call each.</summary>
internal sealed class MrzGrayPixels
{
    private readonly byte[] _data;

    private MrzGrayPixels(byte[] data, int width, int height)
    {
        _data = data;
        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The pixels, row-major, <see cref="Width"/> per row.</summary>
    public ReadOnlySpan<byte> Pixels => _data;

    public static MrzGrayPixels From(Mat gray)
    {
        if (gray.Type() != MatType.CV_8UC1)
        {
            throw new ArgumentException("expected a CV_8UC1 image", nameof(gray));
        }

        int width = gray.Cols, height = gray.Rows;
        var data = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            Marshal.Copy(gray.Ptr(y), data, y * width, width);
        }

        return new MrzGrayPixels(data, width, height);
    }

    /// <summary>Copies <paramref name="window"/> into <paramref name="target"/> (row-major, window-wide rows), white where it leaves the image.</summary>
    public void CopyWindow(Rect window, Span<byte> target)
    {
        for (int row = 0; row < window.Height; row++)
        {
            var line = target.Slice(row * window.Width, window.Width);
            int y = window.Y + row;
            if (y < 0 || y >= Height)
            {
                line.Fill(255);
                continue;
            }

            int x0 = Math.Max(0, window.X), x1 = Math.Min(Width, window.X + window.Width);
            if (x1 <= x0)
            {
                line.Fill(255);
                continue;
            }

            line[..(x0 - window.X)].Fill(255);
            _data.AsSpan(y * Width + x0, x1 - x0).CopyTo(line[(x0 - window.X)..]);
            line[(x1 - window.X)..].Fill(255);
        }
    }
}

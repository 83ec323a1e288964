using System.Runtime.InteropServices;
using OpenCvSharp;

namespace KycOcr.Core.Mrz.Reading;

/// <summary>
/// One size of glyph templates laid out for <see cref="MrzNormalisedCorrelation"/>: each template's pixels as one
/// row-major run of 16-bit values, zero-padded to a whole number of SIMD vectors, with the sums the normalisation needs.
/// </summary>
internal sealed class GlyphTemplatePixels
{
    /// <summary>Elements per vector step: a 256-bit register of 16-bit values.</summary>
    public const int Lane = 16;

    private GlyphTemplatePixels(short[] data, int width, int height, int count, int stride, long[] sums, double[] inverseNorms)
    {
        Data = data;
        Width = width;
        Height = height;
        Count = count;
        Stride = stride;
        Sums = sums;
        InverseNorms = inverseNorms;
    }

    /// <summary><see cref="Count"/> runs of <see cref="Stride"/> values.</summary>
    public short[] Data { get; }

    public int Width { get; }

    public int Height { get; }

    public int Count { get; }

    /// <summary>Width × Height rounded up to a multiple of <see cref="Lane"/>.</summary>
    public int Stride { get; }

    /// <summary>Σt per template.</summary>
    public long[] Sums { get; }

    /// <summary>1 / √(N·Σt² − (Σt)²) per template (N pixels), 0 for a flat template: the normalisation, a multiply per placement.</summary>
    public double[] InverseNorms { get; }

    /// <param name="templates">CV_8UC1 templates, all of one size.</param>
    public static GlyphTemplatePixels From(IReadOnlyList<Mat> templates)
    {
        int width = templates[0].Cols, height = templates[0].Rows, area = width * height;
        // Σ patch × template must fit the 32-bit accumulators: 255² per pixel.
        if ((long)area * 255 * 255 > int.MaxValue)
        {
            throw new ArgumentException("templates too large for 32-bit correlation sums", nameof(templates));
        }

        int stride = (area + Lane - 1) / Lane * Lane;
        var data = new short[templates.Count * stride];
        var sums = new long[templates.Count];
        var inverseNorms = new double[templates.Count];
        var row = new byte[width];
        for (int t = 0; t < templates.Count; t++)
        {
            var template = templates[t];
            if (template.Type() != MatType.CV_8UC1 || template.Cols != width || template.Rows != height)
            {
                throw new ArgumentException("templates must be CV_8UC1 and of one size", nameof(templates));
            }

            long sum = 0, squares = 0;
            for (int y = 0; y < height; y++)
            {
                Marshal.Copy(template.Ptr(y), row, 0, width);
                for (int x = 0; x < width; x++)
                {
                    data[t * stride + y * width + x] = row[x];
                    sum += row[x];
                    squares += row[x] * row[x];
                }
            }

            sums[t] = sum;
            long spread = area * squares - sum * sum;
            inverseNorms[t] = spread > 0 ? 1 / Math.Sqrt(spread) : 0;
        }

        return new GlyphTemplatePixels(data, width, height, templates.Count, stride, sums, inverseNorms);
    }
}

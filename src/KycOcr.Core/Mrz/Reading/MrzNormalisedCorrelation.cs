using System.Buffers;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace KycOcr.Core.Mrz.Reading;

/// <summary>
/// OpenCV's TM_CCOEFF_NORMED, best over every placement of a template inside a small window, computed in managed
/// code. A cell needs a few dozen placements of a ~30 × 35 template; <c>Cv2.MatchTemplate</c> pays a DFT set-up
/// per call and correlates whole strips, which made it most of the reader's CPU. Here the correlation sums are
/// exact integers (8-bit pixels and templates, 16-bit multiply-add), so the scores equal OpenCV's up to its
/// floating-point rounding.
/// </summary>
internal static class MrzNormalisedCorrelation
{
    /// <summary>
    /// <paramref name="best"/>[j]: the highest normalised correlation of template <paramref name="indices"/>[j] over
    /// all its placements inside <paramref name="window"/> (row-major, <paramref name="windowWidth"/> wide); −1 when
    /// the template does not fit. A flat patch scores 0, as in OpenCV.
    /// </summary>
    public static void Best(ReadOnlySpan<byte> window, int windowWidth, int windowHeight, GlyphTemplatePixels templates, ReadOnlySpan<int> indices, Span<float> best) =>
        Best(window, windowWidth, windowHeight, templates, indices, best, Avx2.IsSupported);

    /// <param name="vectorised">False runs the portable scalar sums (machines without AVX2; tests compare both).</param>
    internal static void Best(ReadOnlySpan<byte> window, int windowWidth, int windowHeight, GlyphTemplatePixels templates, ReadOnlySpan<int> indices, Span<float> best, bool vectorised)
    {
        int w = templates.Width, h = templates.Height, n = w * h, stride = templates.Stride;
        int placesX = windowWidth - w + 1, placesY = windowHeight - h + 1;
        best[..indices.Length].Fill(-1);
        if (placesX <= 0 || placesY <= 0 || indices.Length == 0)
        {
            return;
        }

        best[..indices.Length].Fill(float.NegativeInfinity);

        // One column band (the template's width) of the window at a time, its rows laid end to end: the patch at
        // row offset dy is then one contiguous run starting at dy × w. Placements go in pairs, so the band has room
        // for one placement past the last, and a vector's reach past the template's end.
        int bandLength = windowHeight * w + w + stride;
        var band = ArrayPool<short>.Shared.Rent(bandLength);
        var rowSums = ArrayPool<long>.Shared.Rent(windowHeight * 2);
        var dots = ArrayPool<int>.Shared.Rent(indices.Length * 2 + 8);
        try
        {
            band.AsSpan(windowHeight * w, bandLength - windowHeight * w).Clear();
            for (int dx = 0; dx < placesX; dx++)
            {
                for (int y = 0; y < windowHeight; y++)
                {
                    long sum = 0, squares = 0;
                    var source = window.Slice(y * windowWidth + dx, w);
                    var target = band.AsSpan(y * w, w);
                    for (int x = 0; x < w; x++)
                    {
                        int v = source[x];
                        target[x] = (short)v;
                        sum += v;
                        squares += v * v;
                    }

                    rowSums[2 * y] = sum;
                    rowSums[2 * y + 1] = squares;
                }

                long patchSum = 0, patchSquares = 0;
                for (int y = 0; y < h; y++)
                {
                    patchSum += rowSums[2 * y];
                    patchSquares += rowSums[2 * y + 1];
                }

                for (int dy = 0; dy < placesY; dy += 2)
                {
                    Dots(band, dy * w, w, templates, indices, dots, vectorised);
                    Score(templates, indices, n, dots, 0, patchSum, patchSquares, best);

                    if (dy + 1 < placesY)
                    {
                        // Slide the patch sums down one row.
                        patchSum += rowSums[2 * (dy + h)] - rowSums[2 * dy];
                        patchSquares += rowSums[2 * (dy + h) + 1] - rowSums[2 * dy + 1];
                        Score(templates, indices, n, dots, 1, patchSum, patchSquares, best);
                        if (dy + 2 < placesY)
                        {
                            patchSum += rowSums[2 * (dy + 1 + h)] - rowSums[2 * (dy + 1)];
                            patchSquares += rowSums[2 * (dy + 1 + h) + 1] - rowSums[2 * (dy + 1) + 1];
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<short>.Shared.Return(band);
            ArrayPool<long>.Shared.Return(rowSums);
            ArrayPool<int>.Shared.Return(dots);
        }
    }

    private static void Score(GlyphTemplatePixels templates, ReadOnlySpan<int> indices, int n, int[] dots, int placement, long patchSum, long patchSquares, Span<float> best)
    {
        long patchSpread = n * patchSquares - patchSum * patchSum;
        double inverse = patchSpread > 0 ? 1 / Math.Sqrt(patchSpread) : 0;
        for (int j = 0; j < indices.Length; j++)
        {
            int t = indices[j];
            long numerator = n * (long)dots[2 * j + placement] - templates.Sums[t] * patchSum;
            float score = (float)(numerator * templates.InverseNorms[t] * inverse);
            if (score > best[j])
            {
                best[j] = score;
            }
        }
    }

    /// <summary>Σ patch × template of every indexed template at the placements starting at <paramref name="offset"/> and one row below: dots[2j], dots[2j+1].</summary>
    private static void Dots(short[] band, int offset, int w, GlyphTemplatePixels templates, ReadOnlySpan<int> indices, int[] dots, bool vectorised)
    {
        int stride = templates.Stride;
        if (!vectorised || !Avx2.IsSupported)
        {
            for (int j = 0; j < indices.Length; j++)
            {
                var template = templates.Data.AsSpan(indices[j] * stride, stride);
                dots[2 * j] = ScalarDot(band.AsSpan(offset, stride), template);
                dots[2 * j + 1] = ScalarDot(band.AsSpan(offset + w, stride), template);
            }

            return;
        }

        ref short patch = ref MemoryMarshal.GetArrayDataReference(band);
        ref short data = ref MemoryMarshal.GetArrayDataReference(templates.Data);
        nuint first = (nuint)offset, second = (nuint)(offset + w);
        int last = indices.Length - 1;

        // Four templates × two placements per pass: 6 loads feed 8 multiply-adds.
        for (int j = 0; j < indices.Length; j += 4)
        {
            nuint t0 = (nuint)(indices[j] * stride);
            nuint t1 = (nuint)(indices[Math.Min(j + 1, last)] * stride);
            nuint t2 = (nuint)(indices[Math.Min(j + 2, last)] * stride);
            nuint t3 = (nuint)(indices[Math.Min(j + 3, last)] * stride);
            Vector256<int> a0 = default, a1 = default, a2 = default, a3 = default;
            Vector256<int> b0 = default, b1 = default, b2 = default, b3 = default;
            for (nuint k = 0; k < (nuint)stride; k += GlyphTemplatePixels.Lane)
            {
                var p = Vector256.LoadUnsafe(ref patch, first + k);
                var q = Vector256.LoadUnsafe(ref patch, second + k);
                var v0 = Vector256.LoadUnsafe(ref data, t0 + k);
                var v1 = Vector256.LoadUnsafe(ref data, t1 + k);
                var v2 = Vector256.LoadUnsafe(ref data, t2 + k);
                var v3 = Vector256.LoadUnsafe(ref data, t3 + k);
                a0 = Avx2.Add(a0, Avx2.MultiplyAddAdjacent(p, v0));
                a1 = Avx2.Add(a1, Avx2.MultiplyAddAdjacent(p, v1));
                a2 = Avx2.Add(a2, Avx2.MultiplyAddAdjacent(p, v2));
                a3 = Avx2.Add(a3, Avx2.MultiplyAddAdjacent(p, v3));
                b0 = Avx2.Add(b0, Avx2.MultiplyAddAdjacent(q, v0));
                b1 = Avx2.Add(b1, Avx2.MultiplyAddAdjacent(q, v1));
                b2 = Avx2.Add(b2, Avx2.MultiplyAddAdjacent(q, v2));
                b3 = Avx2.Add(b3, Avx2.MultiplyAddAdjacent(q, v3));
            }

            Span<int> sums = [Vector256.Sum(a0), Vector256.Sum(b0), Vector256.Sum(a1), Vector256.Sum(b1), Vector256.Sum(a2), Vector256.Sum(b2), Vector256.Sum(a3), Vector256.Sum(b3)];
            for (int i = 0; i < 8 && j + i / 2 <= last; i++)
            {
                dots[2 * j + i] = sums[i];
            }
        }
    }

    private static int ScalarDot(ReadOnlySpan<short> patch, ReadOnlySpan<short> template)
    {
        int sum = 0;
        for (int i = 0; i < template.Length; i++)
        {
            sum += patch[i] * template[i];
        }

        return sum;
    }
}

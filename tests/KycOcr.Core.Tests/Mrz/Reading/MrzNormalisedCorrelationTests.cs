using KycOcr.Core.Mrz.Reading;
using OpenCvSharp;

namespace KycOcr.Core.Tests.Mrz.Reading;

/// <summary>The managed correlation must give OpenCV's TM_CCOEFF_NORMED maximum, which the reader was tuned on.</summary>
public sealed class MrzNormalisedCorrelationTests
{
    [Theory]
    [InlineData(20, 26, 28, 33, 1)] // a TD3-sized cell, area not a multiple of 16
    [InlineData(30, 35, 40, 43, 2)] // a TD1-sized cell
    [InlineData(90, 105, 120, 129, 3)] // a fine (3×) cell
    [InlineData(7, 9, 7, 9, 4)] // one placement only
    [InlineData(6, 8, 7, 12, 5)] // an odd number of rows of placements
    public void Scores_equal_OpenCVs_normalised_correlation(int templateWidth, int templateHeight, int windowWidth, int windowHeight, int seed)
    {
        var random = new Random(seed);
        var templates = Enumerable.Range(0, 6).Select(_ => Smooth(RandomBytes(random, templateWidth, templateHeight))).ToArray();
        using var window = Smooth(RandomBytes(random, windowWidth, windowHeight));
        try
        {
            var pixels = GlyphTemplatePixels.From(templates);
            int[] indices = [5, 0, 3, 3, 1];
            var scores = new float[indices.Length];

            var scalar = new float[indices.Length];

            MrzNormalisedCorrelation.Best(Bytes(window), windowWidth, windowHeight, pixels, indices, scores);
            MrzNormalisedCorrelation.Best(Bytes(window), windowWidth, windowHeight, pixels, indices, scalar, vectorised: false);

            for (int j = 0; j < indices.Length; j++)
            {
                Assert.Equal(OpenCvBest(window, templates[indices[j]]), scores[j], 4);
            }

            // The sums are exact integers either way, so the portable path gives the very same scores.
            Assert.Equal(scalar, scores);
        }
        finally
        {
            foreach (var t in templates)
            {
                t.Dispose();
            }
        }
    }

    [Fact]
    public void A_flat_patch_scores_zero_and_a_template_larger_than_the_window_minus_one()
    {
        var random = new Random(7);
        using var template = Smooth(RandomBytes(random, 8, 10));
        var pixels = GlyphTemplatePixels.From([template]);
        var white = Enumerable.Repeat((byte)255, 8 * 10).ToArray();
        var scores = new float[1];

        MrzNormalisedCorrelation.Best(white, 8, 10, pixels, [0], scores);
        Assert.Equal(0f, scores[0]);

        MrzNormalisedCorrelation.Best(white.AsSpan(0, 7 * 10), 7, 10, pixels, [0], scores);
        Assert.Equal(-1f, scores[0]);
    }

    [Fact]
    public void The_template_itself_scores_one()
    {
        var random = new Random(8);
        using var template = Smooth(RandomBytes(random, 21, 27));
        using var window = new Mat(33, 29, MatType.CV_8UC1, Scalar.All(255));
        using (var roi = new Mat(window, new Rect(3, 4, 21, 27)))
        {
            template.CopyTo(roi);
        }

        var scores = new float[1];
        MrzNormalisedCorrelation.Best(Bytes(window), 29, 33, GlyphTemplatePixels.From([template]), [0], scores);

        Assert.Equal(1f, scores[0], 5);
    }

    private static Mat RandomBytes(Random random, int width, int height)
    {
        var mat = new Mat(height, width, MatType.CV_8UC1);
        var bytes = new byte[width * height];
        random.NextBytes(bytes);
        for (int y = 0; y < height; y++)
        {
            System.Runtime.InteropServices.Marshal.Copy(bytes, y * width, mat.Ptr(y), width);
        }

        return mat;
    }

    // Glyph-like: smooth, with a wide grey range.
    private static Mat Smooth(Mat noise)
    {
        using (noise)
        {
            var smooth = new Mat();
            Cv2.GaussianBlur(noise, smooth, new Size(0, 0), 1.2);
            Cv2.Normalize(smooth, smooth, 0, 255, NormTypes.MinMax);
            return smooth;
        }
    }

    private static byte[] Bytes(Mat mat) => MrzGrayPixels.From(mat).Pixels.ToArray();

    private static float OpenCvBest(Mat window, Mat template)
    {
        using var result = new Mat();
        Cv2.MatchTemplate(window, template, result, TemplateMatchModes.CCoeffNormed);
        Cv2.MinMaxLoc(result, out _, out double max);
        return (float)max;
    }
}

using OpenCvSharp;

namespace KycOcr.Samples;

/// <summary>Uneven room light: a gentle gradient and vignette over the whole frame.</summary>
internal static class Illumination
{
    private const double Scale = 200.0;

    /// <summary>Multiplies <paramref name="scene"/> in place by a smooth light field derived from the seed.</summary>
    /// <param name="scratch">A CV_8UC3 buffer of the scene's size whose content may be overwritten.</param>
    public static void Apply(Mat scene, Mat scratch, int seed)
    {
        var rng = SeedStreams.Create(seed, "light");
        double gain = rng.Uniform(0.96, 1.04);
        double gx = rng.Uniform(-0.08, 0.08);
        double gy = rng.Uniform(-0.08, 0.08);
        double vignette = rng.Uniform(0.05, 0.14);

        // Computed on a coarse grid and resized: the field is smooth, the frame may be 12 MP.
        const int gridW = 64;
        const int gridH = 48;
        using var grid = new Mat(gridH, gridW, MatType.CV_8UC3);
        for (int y = 0; y < gridH; y++)
        {
            for (int x = 0; x < gridW; x++)
            {
                double u = (x + 0.5) / gridW - 0.5;
                double v = (y + 0.5) / gridH - 0.5;
                double light = gain * (1 + gx * u * 2 + gy * v * 2) * (1 - vignette * (u * u + v * v) * 2);
                byte level = (byte)Math.Clamp(Math.Round(light * Scale), 0, 255);
                grid.Set(y, x, new Vec3b(level, level, level));
            }
        }

        Cv2.Resize(grid, scratch, scene.Size(), 0, 0, InterpolationFlags.Linear);
        Cv2.Multiply(scene, scratch, scene, 1.0 / Scale);
    }
}

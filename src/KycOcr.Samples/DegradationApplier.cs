using System.Globalization;
using OpenCvSharp;

namespace KycOcr.Samples;

/// <summary>Applies the photometric degradations in camera order: reflections, optics, exposure, sensor.</summary>
internal static class DegradationApplier
{
    /// <param name="documentMask">Document coverage (CV_8UC1), or null when there is no document.</param>
    /// <param name="corners">Document corners, or null when there is no document.</param>
    /// <param name="scratch">A CV_8UC3 buffer of the image's size whose content may be overwritten.</param>
    /// <param name="applied">Receives one tag per applied degradation.</param>
    public static void Apply(Mat image, Degradations d, Mat? documentMask, IReadOnlyList<Point2d>? corners, int seed, Mat scratch, List<string> applied)
    {
        var rng = SeedStreams.Create(seed, "degradations");

        if (d.GlareOnDocument && documentMask is not null && corners is not null)
        {
            GlareOnDocument(image, documentMask, corners, rng);
            applied.Add("glare_document");
        }

        if (d.GlareOnBackground)
        {
            GlareOnBackground(image, documentMask, corners, rng);
            applied.Add("glare_background");
        }

        if (d.GaussianBlurSigma > 0)
        {
            Cv2.GaussianBlur(image, image, new Size(0, 0), d.GaussianBlurSigma);
            applied.Add(Tag("gaussian_blur", d.GaussianBlurSigma));
        }

        if (d.MotionBlurLength > 1)
        {
            using var kernel = MotionKernel(d.MotionBlurLength, d.MotionBlurAngleDegrees);
            Cv2.Filter2D(image, image, -1, kernel, null, 0, BorderTypes.Reflect101);
            applied.Add(Tag("motion_blur", d.MotionBlurLength));
        }

        if (d.Darkness > 0)
        {
            image.ConvertTo(image, -1, 1 - d.Darkness, 0);
            applied.Add(Tag("dark", d.Darkness));
        }

        if (d.Overexposure > 0)
        {
            image.ConvertTo(image, -1, 1 + 1.3 * d.Overexposure, 45 * d.Overexposure);
            applied.Add(Tag("overexposed", d.Overexposure));
        }

        if (d.NoiseSigma > 0)
        {
            AddNoise(image, scratch, d.NoiseSigma, SeedStreams.State(seed, "sensor-noise"));
            applied.Add(Tag("noise", d.NoiseSigma));
        }
    }

    internal static string Tag(string name, double value) =>
        $"{name}={value.ToString("0.###", CultureInfo.InvariantCulture)}";

    private static void GlareOnDocument(Mat image, Mat documentMask, IReadOnlyList<Point2d> c, Random rng)
    {
        // A point well inside the document, by bilinear blend of the corners.
        double u = rng.Uniform(0.25, 0.75);
        double v = rng.Uniform(0.3, 0.7);
        var top = Lerp(c[0], c[1], u);
        var bottom = Lerp(c[3], c[2], u);
        var centre = Lerp(top, bottom, v);
        double shortSide = Math.Min(Distance(c[0], c[3]), Distance(c[0], c[1]));
        double a = shortSide * rng.Uniform(0.22, 0.34);
        double b = a * rng.Uniform(0.45, 0.8);
        AddGlare(image, centre, a, b, rng.Uniform(0, 180), documentMask, invert: false);
    }

    private static void GlareOnBackground(Mat image, Mat? documentMask, IReadOnlyList<Point2d>? corners, Random rng)
    {
        double unit = Math.Min(image.Cols, image.Rows);
        double a = unit * rng.Uniform(0.08, 0.14);
        double b = a * rng.Uniform(0.5, 0.85);
        var centre = new Point2d(rng.Uniform(0, image.Cols), rng.Uniform(0, image.Rows));
        if (corners is not null)
        {
            // The candidate farthest from the document; the mask below guarantees no overlap anyway.
            var quad = corners.Select(p => new Point2f((float)p.X, (float)p.Y)).ToArray();
            double best = double.NegativeInfinity;
            for (int i = 0; i < 64; i++)
            {
                var candidate = new Point2d(rng.Uniform(0, image.Cols), rng.Uniform(0, image.Rows));
                double distance = -Cv2.PointPolygonTest(quad, new Point2f((float)candidate.X, (float)candidate.Y), true);
                if (distance > best)
                {
                    best = distance;
                    centre = candidate;
                }
            }
        }

        AddGlare(image, centre, a, b, rng.Uniform(0, 180), documentMask, invert: true);
    }

    /// <summary>Adds a white ellipse with a saturated core and soft halo, limited by the mask (or its complement).</summary>
    private static void AddGlare(Mat image, Point2d centre, double a, double b, double angleDegrees, Mat? mask, bool invert)
    {
        // Everything happens in the glare's own box: the rest of the frame is untouched.
        double haloSigma = Math.Max(1.0, 0.35 * b);
        int reach = (int)Math.Ceiling(a + 3 * haloSigma);
        var box = new Rect((int)Math.Floor(centre.X) - reach, (int)Math.Floor(centre.Y) - reach, 2 * reach + 1, 2 * reach + 1);
        var roi = PhotoComposer.Inflate(box, 0, image.Size());
        if (roi.Width <= 0 || roi.Height <= 0)
        {
            return;
        }

        const int factor = 4;
        var small = new Size(Math.Max(2, roi.Width / factor), Math.Max(2, roi.Height / factor));
        var c = new Point2f((float)((centre.X - roi.X) / factor), (float)((centre.Y - roi.Y) / factor));
        using var halo = new Mat(small, MatType.CV_8UC1, Scalar.All(0));
        Cv2.Ellipse(halo, new RotatedRect(c, new Size2f(2 * a / factor, 2 * b / factor), (float)angleDegrees), Scalar.All(190), -1, LineTypes.AntiAlias);
        Cv2.GaussianBlur(halo, halo, new Size(0, 0), Math.Max(0.5, haloSigma / factor));
        using var core = new Mat(small, MatType.CV_8UC1, Scalar.All(0));
        Cv2.Ellipse(core, new RotatedRect(c, new Size2f(1.1f * (float)a / factor, 1.1f * (float)b / factor), (float)angleDegrees), Scalar.All(255), -1, LineTypes.AntiAlias);
        Cv2.GaussianBlur(core, core, new Size(0, 0), Math.Max(0.5, 0.06 * b / factor));
        Cv2.Max(halo, core, halo);

        using var glare = new Mat();
        Cv2.Resize(halo, glare, roi.Size, 0, 0, InterpolationFlags.Linear);
        if (mask is not null)
        {
            using var maskRoi = new Mat(mask, roi);
            using var weight = new Mat();
            if (invert)
            {
                // Any document pixel, even a faint anti-aliased edge, blocks background glare.
                Cv2.Threshold(maskRoi, weight, 0, 255, ThresholdTypes.Binary);
                using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(5, 5));
                Cv2.Dilate(weight, weight, kernel);
                Cv2.BitwiseNot(weight, weight);
            }
            else
            {
                maskRoi.CopyTo(weight);
            }

            Cv2.Multiply(glare, weight, glare, 1.0 / 255);
        }

        using var glare3 = new Mat();
        Cv2.CvtColor(glare, glare3, ColorConversionCodes.GRAY2BGR);
        using var imageRoi = new Mat(image, roi);
        Cv2.Add(imageRoi, glare3, imageRoi);
    }

    private static Mat MotionKernel(int length, double angleDegrees)
    {
        int size = length | 1;
        using var line = new Mat(size, size, MatType.CV_8UC1, Scalar.All(0));
        double half = (length - 1) / 2.0;
        double t = angleDegrees * Math.PI / 180;
        double centre = (size - 1) / 2.0;
        // Drawn with 4 fractional bits so short streaks at odd angles stay centred.
        const int shift = 4;
        const double one = 1 << shift;
        var from = new Point((int)Math.Round((centre - half * Math.Cos(t)) * one), (int)Math.Round((centre + half * Math.Sin(t)) * one));
        var to = new Point((int)Math.Round((centre + half * Math.Cos(t)) * one), (int)Math.Round((centre - half * Math.Sin(t)) * one));
        Cv2.Line(line, from, to, Scalar.All(255), 1, LineTypes.AntiAlias, shift);
        var kernel = new Mat();
        line.ConvertTo(kernel, MatType.CV_32FC1);
        double sum = Cv2.Sum(kernel).Val0;
        kernel.ConvertTo(kernel, MatType.CV_32FC1, 1.0 / sum);
        return kernel;
    }

    private static void AddNoise(Mat image, Mat scratch, double sigma, ulong state)
    {
        // Noise centred on 128 in an 8-bit buffer, removed again by AddWeighted's offset,
        // which saturates only once: no 16-bit 12 MP temporaries.
        var rng = new RNG(state);
        rng.Fill(scratch, DistributionType.Normal, InputArray.Create(new Scalar(128, 128, 128)), InputArray.Create(new Scalar(sigma, sigma, sigma)));
        Cv2.AddWeighted(image, 1, scratch, 1, -128, image);
    }

    private static Point2d Lerp(Point2d a, Point2d b, double t) => new(a.X + (b.X - a.X) * t, a.Y + (b.Y - a.Y) * t);

    private static double Distance(Point2d a, Point2d b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}

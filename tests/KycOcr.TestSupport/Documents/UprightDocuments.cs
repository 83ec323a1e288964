using OpenCvSharp;

using KycOcr.Samples;

namespace KycOcr.TestSupport.Documents;

/// <summary>
/// Emulates the quality gate's output for MRZ-reader tests: a flat document scaled to the working size
/// (long side 1024 by default), then residual rotation, blur, noise and JPEG applied there.
/// </summary>
public static class UprightDocuments
{
    public const int DefaultLongSide = 1024;

    /// <summary>BGR image of <paramref name="flat"/> as the gate would hand it over; the caller disposes it.</summary>
    public static Mat Render(FlatDocument flat, UprightDegradation degradation, int seed, int longSide = DefaultLongSide)
    {
        ArgumentNullException.ThrowIfNull(flat);
        ArgumentNullException.ThrowIfNull(degradation);
        double scale = (double)longSide / Math.Max(flat.Image.Cols, flat.Image.Rows);
        var image = new Mat();
        Cv2.Resize(flat.Image, image, new Size(0, 0), scale, scale, InterpolationFlags.Area);

        if (degradation.RotationDegrees != 0)
        {
            // What the warp leaves at the corners: a little of the surface the document lay on.
            var rng = SeedStreams.Create(seed, "upright-border");
            var border = Scalar.All(rng.Uniform(60, 200));
            // The canvas grows so no corner of the document is cut off, then returns to the working size.
            double t = degradation.RotationDegrees * Math.PI / 180;
            double cos = Math.Abs(Math.Cos(t)), sin = Math.Abs(Math.Sin(t));
            var size = new Size((int)Math.Ceiling(image.Cols * cos + image.Rows * sin), (int)Math.Ceiling(image.Cols * sin + image.Rows * cos));
            using var rotation = Cv2.GetRotationMatrix2D(new Point2f(image.Cols / 2f, image.Rows / 2f), degradation.RotationDegrees, 1);
            rotation.Set(0, 2, rotation.At<double>(0, 2) + (size.Width - image.Cols) / 2.0);
            rotation.Set(1, 2, rotation.At<double>(1, 2) + (size.Height - image.Rows) / 2.0);
            using var rotated = new Mat();
            Cv2.WarpAffine(image, rotated, rotation, size, InterpolationFlags.Linear, BorderTypes.Constant, border);
            double back = (double)longSide / Math.Max(size.Width, size.Height);
            Cv2.Resize(rotated, image, new Size(0, 0), back, back, InterpolationFlags.Area);
        }

        if (degradation.UpsideDown)
        {
            Cv2.Rotate(image, image, RotateFlags.Rotate180);
        }

        if (degradation.BlurSigma > 0)
        {
            Cv2.GaussianBlur(image, image, new Size(0, 0), degradation.BlurSigma);
        }

        if (degradation.NoiseSigma > 0)
        {
            using var noise = new Mat(image.Size(), MatType.CV_8UC3);
            var rng = new RNG(SeedStreams.State(seed, "upright-noise"));
            rng.Fill(noise, DistributionType.Normal, InputArray.Create(new Scalar(128, 128, 128)), InputArray.Create(Scalar.All(degradation.NoiseSigma)));
            Cv2.AddWeighted(image, 1, noise, 1, -128, image);
        }

        if (degradation.JpegQuality is { } quality)
        {
            var bytes = ImageEncoder.Encode(image, PhotoFormat.Jpeg, quality);
            image.Dispose();
            image = Cv2.ImDecode(bytes, ImreadModes.Color);
        }

        return image;
    }
}

using OpenCvSharp;

namespace KycOcr.Samples;

/// <summary>Lays the rendered document onto the scene through a perspective warp, with a soft drop shadow.</summary>
internal static class PhotoComposer
{
    /// <summary>
    /// Composites in place. Writes the document's coverage (255 = document, anti-aliased edges)
    /// into <paramref name="mask"/> (CV_8UC1, frame size, zeroed); <paramref name="scratch"/>
    /// (CV_8UC3, frame size) is overwritten. Passing buffers in matters: every fresh 12 MP
    /// buffer costs a few hundred milliseconds of page faults here.
    /// </summary>
    public static void Place(Mat scene, Mat documentPremulBgra, IReadOnlyList<Point2d> corners, int seed, Mat mask, Mat scratch)
    {
        Mat source = documentPremulBgra;
        Mat? shrunk = null;
        try
        {
            // warpPerspective has no area filter: shrink first so small documents do not alias.
            double scale = Math.Sqrt(DocumentPlacement.QuadArea(corners) / ((double)source.Cols * source.Rows));
            if (scale < 0.75)
            {
                double f = scale * 1.3;
                shrunk = new Mat();
                Cv2.Resize(source, shrunk, new Size(Math.Max(8, (int)Math.Round(source.Cols * f)), Math.Max(8, (int)Math.Round(source.Rows * f))), 0, 0, InterpolationFlags.Area);
                source = shrunk;
            }

            // Warp only into the document's bounding box: at low coverage most of the frame is untouched.
            var roi = BoundingBox(corners, scene.Size());
            float w = source.Cols;
            float h = source.Rows;
            Point2f[] from = [new(-0.5f, -0.5f), new(w - 0.5f, -0.5f), new(w - 0.5f, h - 0.5f), new(-0.5f, h - 0.5f)];
            var to = corners.Select(p => new Point2f((float)(p.X - roi.X), (float)(p.Y - roi.Y))).ToArray();
            using var homography = Cv2.GetPerspectiveTransform(from, to);
            using var warped = new Mat();
            Cv2.WarpPerspective(source, warped, homography, roi.Size, InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));

            using var maskRoi = new Mat(mask, roi);
            Cv2.MixChannels([warped], [maskRoi], [3, 0]);
            CastShadow(scene, mask, scratch, roi, SeedStreams.Create(seed, "shadow"));

            // Premultiplied "over": scene * (1 - a) + colour.
            using var colour = new Mat(scratch, roi);
            Cv2.MixChannels([warped], [colour], [0, 0, 1, 1, 2, 2]);
            using var inverse3 = new Mat();
            Cv2.CvtColor(maskRoi, inverse3, ColorConversionCodes.GRAY2BGR);
            Cv2.BitwiseNot(inverse3, inverse3);
            using var sceneRoi = new Mat(scene, roi);
            Cv2.Multiply(sceneRoi, inverse3, sceneRoi, 1.0 / 255);
            Cv2.Add(sceneRoi, colour, sceneRoi);
        }
        finally
        {
            shrunk?.Dispose();
        }
    }

    private static void CastShadow(Mat scene, Mat mask, Mat scratch, Rect documentBox, Random rng)
    {
        // Worked at 1/8 size: a shadow is blurry, and a wide Gaussian at 12 MP is slow.
        const int factor = 8;
        var small = new Size(Math.Max(2, scene.Cols / factor), Math.Max(2, scene.Rows / factor));
        double diagonal = Math.Sqrt(small.Width * (double)small.Width + small.Height * (double)small.Height);
        using var shadow = new Mat();
        Cv2.Resize(mask, shadow, small, 0, 0, InterpolationFlags.Area);

        double offset = diagonal * rng.Uniform(0.004, 0.012);
        double direction = rng.Uniform(0.3, 1.2);
        double sigma = Math.Max(0.8, diagonal * 0.008);
        using var shift = new Mat(2, 3, MatType.CV_64FC1);
        shift.Set(0, 0, 1.0);
        shift.Set(0, 1, 0.0);
        shift.Set(0, 2, offset * Math.Cos(direction));
        shift.Set(1, 0, 0.0);
        shift.Set(1, 1, 1.0);
        shift.Set(1, 2, offset * Math.Sin(direction));
        Cv2.WarpAffine(shadow, shadow, shift, small, InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
        Cv2.GaussianBlur(shadow, shadow, new Size(0, 0), sigma);

        // Light = 255 − strength × shadow, applied as a multiplier.
        double strength = rng.Uniform(0.25, 0.45);
        shadow.ConvertTo(shadow, MatType.CV_8UC1, -strength, 255);
        using var light3 = new Mat();
        Cv2.CvtColor(shadow, light3, ColorConversionCodes.GRAY2BGR);
        Cv2.Resize(light3, scratch, scene.Size(), 0, 0, InterpolationFlags.Linear);

        // Only near the document does the shadow differ from 1.
        int reach = (int)Math.Ceiling((offset + 4 * sigma + 2) * factor);
        var area = Inflate(documentBox, reach, scene.Size());
        using var sceneArea = new Mat(scene, area);
        using var lightArea = new Mat(scratch, area);
        Cv2.Multiply(sceneArea, lightArea, sceneArea, 1.0 / 255);
    }

    private static Rect BoundingBox(IReadOnlyList<Point2d> corners, Size frame)
    {
        int left = Math.Max(0, (int)Math.Floor(corners.Min(p => p.X)) - 2);
        int top = Math.Max(0, (int)Math.Floor(corners.Min(p => p.Y)) - 2);
        int right = Math.Min(frame.Width, (int)Math.Ceiling(corners.Max(p => p.X)) + 3);
        int bottom = Math.Min(frame.Height, (int)Math.Ceiling(corners.Max(p => p.Y)) + 3);
        return new Rect(left, top, right - left, bottom - top);
    }

    internal static Rect Inflate(Rect r, int by, Size frame)
    {
        int left = Math.Max(0, r.X - by);
        int top = Math.Max(0, r.Y - by);
        int right = Math.Min(frame.Width, r.Right + by);
        int bottom = Math.Min(frame.Height, r.Bottom + by);
        return new Rect(left, top, right - left, bottom - top);
    }
}

using KycOcr.Core.Quality;
using KycOcr.TestSupport.Quality;
using OpenCvSharp;

namespace KycOcr.Bench;

internal static class Debug
{
    public static int Run(string label, string folder)
    {
        var sample = QualitySamples.All().Single(s => s.Label == label);
        var photo = sample.Generate();
        using var image = photo.Decode();
        var d = DocumentDetector.Detect(image);
        using var small = new Mat();
        var scale = 1000.0 / Math.Max(image.Width, image.Height);
        Cv2.Resize(image, small, new Size(), scale, scale, InterpolationFlags.Area);
        if (d.Found)
            Cv2.Polylines(small, [d.Corners.Select(p => new Point(p.X * scale, p.Y * scale)).ToArray()], true, Scalar.Red, 2);
        var t = photo.Truth.Corners!;
        Cv2.Polylines(small, [t.Select(p => new Point(p.X * scale, p.Y * scale)).ToArray()], true, Scalar.Lime, 1);
        Cv2.ImWrite(Path.Combine(folder, label + ".png"), small);
        return 0;
    }
}

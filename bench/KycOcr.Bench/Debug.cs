using KycOcr.Core.Quality;
using KycOcr.Samples;
using KycOcr.TestSupport.Quality;
using OpenCvSharp;

namespace KycOcr.Bench;

internal static class Debug
{
    public static int Run(string label, string folder)
    {
        var photo = label.StartsWith("spec:", StringComparison.Ordinal) ? Spec(label) : QualitySamples.All().Single(s => s.Label == label).Generate();
        using var image = photo.Decode();
        var d = DocumentDetector.Detect(image);
        using var small = new Mat();
        var scale = 1000.0 / Math.Max(image.Width, image.Height);
        Cv2.Resize(image, small, new Size(), scale, scale, InterpolationFlags.Area);
        if (d.Found)
            Cv2.Polylines(small, [d.Corners.Select(p => new Point(p.X * scale, p.Y * scale)).ToArray()], true, Scalar.Red, 2);
        var t = photo.Truth.Corners!;
        Cv2.Polylines(small, [t.Select(p => new Point(p.X * scale, p.Y * scale)).ToArray()], true, Scalar.Lime, 1);
        Cv2.ImWrite(Path.Combine(folder, label.Replace(":", "_") + ".png"), small);
        File.WriteAllBytes(Path.Combine(folder, label.Replace(":", "_") + ".jpg"), photo.Bytes);
        return 0;
    }

    // spec:seed:kind:background:rotation:keystone[:printed] (printed: the MRZ in the seed's MrzPrint)
    private static SyntheticDocumentPhoto Spec(string label)
    {
        var p = label.Split(':');
        return SyntheticDocumentGenerator.Generate(new DocumentPhotoSpec
        {
            Seed = int.Parse(p[1]), Kind = Enum.Parse<DocumentKind>(p[2]),
            Background = Enum.Parse<BackgroundKind>(p[3]),
            RotationDegrees = double.Parse(p[4], System.Globalization.CultureInfo.InvariantCulture),
            Keystone = double.Parse(p[5], System.Globalization.CultureInfo.InvariantCulture),
            FrameWidth = 1280, FrameHeight = 960, Coverage = 0.45,
            MrzPrint = p is [.., "printed"] ? MrzPrint.For(int.Parse(p[1])) : null,
        });
    }
}
internal static class Profile
{
    public static int Run(string label)
    {
        var photo = KycOcr.TestSupport.Quality.QualitySamples.All().Single(s => s.Label == label).Generate();
        using var image = photo.Decode();
        for (var i = 0; i < 6; i++)
            DocumentDetector.Detect(image);
        return 0;
    }
}

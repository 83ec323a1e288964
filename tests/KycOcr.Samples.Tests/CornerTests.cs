using KycOcr.Samples;
using OpenCvSharp;

namespace KycOcr.Samples.Tests;

public class CornerTests
{
    private static DocumentPhotoSpec Spec(double rotation, double keystone = 0, DocumentKind kind = DocumentKind.IdCardTd1) => new()
    {
        Seed = 21,
        Kind = kind,
        FrameWidth = 640,
        FrameHeight = 480,
        Background = BackgroundKind.Plain,
        Coverage = 0.35,
        RotationDegrees = rotation,
        Keystone = keystone,
        Format = PhotoFormat.Png,
    };

    [Theory]
    [InlineData(25, false)]
    [InlineData(-25, false)]
    [InlineData(25, true)]
    public void Corners_follow_the_document_own_corners(double rotation, bool upsideDown)
    {
        var spec = Spec(rotation, 0.03) with { Degradations = new Degradations { UpsideDown = upsideDown } };
        var photo = SyntheticDocumentGenerator.Generate(spec);
        using var frame = photo.Decode();
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(spec.Kind, spec.Seed);
        var corners = photo.Truth.Corners!;
        Assert.Equal(4, corners.Count);
        Assert.All(corners, c =>
        {
            Assert.InRange(c.X, 0, frame.Cols - 1);
            Assert.InRange(c.Y, 0, frame.Rows - 1);
        });

        // Map a point 2.5 mm inside each flat corner into the frame with the returned corners.
        double inset = 2.5 * flat.PixelsPerMm;
        double w = flat.Image.Cols, h = flat.Image.Rows;
        Point2d[] flatPoints = [new(inset, inset), new(w - inset, inset), new(w - inset, h - inset), new(inset, h - inset)];
        var framePoints = MapFlatToFrame(flat, corners, flatPoints);
        var seen = framePoints.Select(p => ImageMeasures.PatchMean(frame, p, 2)).ToArray();
        var expected = flatPoints.Select(p => ImageMeasures.PatchMean(flat.Image, p, 6)).ToArray();

        // Top corners sit on the dark header band, bottom ones on the light MRZ zone ...
        double Brightness(Scalar s) => (s.Val0 + s.Val1 + s.Val2) / 3;
        Assert.True(Math.Max(Brightness(seen[0]), Brightness(seen[1])) < Math.Min(Brightness(seen[2]), Brightness(seen[3])),
            $"top corners not darker than bottom ones: {string.Join(" ", seen.Select(Brightness))}");

        // ... and left and right differ in hue, so each corner must match its own reference best.
        Assert.True(Chroma(seen[0], expected[0]) < Chroma(seen[0], expected[1]), "TL looks like TR");
        Assert.True(Chroma(seen[1], expected[1]) < Chroma(seen[1], expected[0]), "TR looks like TL");
        Assert.True(Chroma(seen[2], expected[2]) < Chroma(seen[2], expected[3]), "BR looks like BL");
        Assert.True(Chroma(seen[3], expected[3]) < Chroma(seen[3], expected[2]), "BL looks like BR");

        if (upsideDown)
        {
            // Turned over: the document's top-left lies to the right of and below its top-right/bottom-left.
            Assert.True(corners[0].X > corners[1].X && corners[0].Y > corners[3].Y);
        }
        else
        {
            Assert.True(corners[0].X < corners[1].X && corners[0].Y < corners[3].Y);
        }
    }

    [Theory]
    [InlineData(DocumentKind.IdCardTd1, 0)]
    [InlineData(DocumentKind.IdCardTd1, 17)]
    [InlineData(DocumentKind.CardTd2, -25)]
    [InlineData(DocumentKind.PassportTd3, 25)]
    public void Without_keystone_the_quad_has_the_document_aspect(DocumentKind kind, double rotation)
    {
        var photo = SyntheticDocumentGenerator.Generate(Spec(rotation, 0, kind));
        var c = photo.Truth.Corners!;
        double horizontal = Distance(c[0], c[1]) + Distance(c[3], c[2]);
        double vertical = Distance(c[0], c[3]) + Distance(c[1], c[2]);
        double aspect = kind switch
        {
            DocumentKind.IdCardTd1 => 85.6 / 53.98,
            DocumentKind.CardTd2 => 105.0 / 74.0,
            _ => 125.0 / 88.0,
        };
        Assert.InRange(horizontal / vertical, aspect * 0.98, aspect * 1.02);
        Assert.InRange(photo.Truth.Coverage, 0.3, 0.36);
    }

    [Fact]
    public void Warping_back_with_the_returned_corners_recovers_the_flat_document()
    {
        var spec = Spec(25, 0.1, DocumentKind.PassportTd3) with { Coverage = 0.45 };
        var photo = SyntheticDocumentGenerator.Generate(spec);
        using var frame = photo.Decode();
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(spec.Kind, spec.Seed);

        // Compare at the photo's own scale, grey, ignoring a thin border.
        var size = new Size(300, (int)Math.Round(300 * 88.0 / 125.0));
        Point2f[] rect = [new(-0.5f, -0.5f), new(size.Width - 0.5f, -0.5f), new(size.Width - 0.5f, size.Height - 0.5f), new(-0.5f, size.Height - 0.5f)];
        using var back = Cv2.GetPerspectiveTransform(photo.Truth.Corners!.Select(p => new Point2f((float)p.X, (float)p.Y)), rect);
        using var recovered = new Mat();
        Cv2.WarpPerspective(frame, recovered, back, size);
        using var reference = new Mat();
        Cv2.Resize(flat.Image, reference, size, 0, 0, InterpolationFlags.Area);

        double aligned = Correlation(recovered, reference, new Point(0, 0));
        double shifted = Correlation(recovered, reference, new Point(4, 3));
        Assert.True(aligned > 0.9, $"correlation {aligned:F3}");
        Assert.True(aligned > shifted + 0.05, $"aligned {aligned:F3} vs shifted {shifted:F3}");
    }

    private static Point2d[] MapFlatToFrame(FlatDocument flat, IReadOnlyList<FramePoint> corners, Point2d[] points)
    {
        var truth = flat.Truth.Corners!;
        using var h = Cv2.GetPerspectiveTransform(
            truth.Select(p => new Point2f((float)p.X, (float)p.Y)),
            corners.Select(p => new Point2f((float)p.X, (float)p.Y)));
        return Cv2.PerspectiveTransform(points, h);
    }

    /// <summary>Distance between normalised colours: ignores the room light's brightness.</summary>
    private static double Chroma(Scalar a, Scalar b)
    {
        double sa = a.Val0 + a.Val1 + a.Val2, sb = b.Val0 + b.Val1 + b.Val2;
        double d0 = a.Val0 / sa - b.Val0 / sb, d1 = a.Val1 / sa - b.Val1 / sb, d2 = a.Val2 / sa - b.Val2 / sb;
        return Math.Sqrt(d0 * d0 + d1 * d1 + d2 * d2);
    }

    private static double Correlation(Mat recovered, Mat reference, Point shift)
    {
        int margin = 10;
        var inner = new Rect(margin, margin, recovered.Cols - 2 * margin, recovered.Rows - 2 * margin);
        var moved = new Rect(inner.X + shift.X, inner.Y + shift.Y, inner.Width - 8, inner.Height - 8);
        inner = new Rect(inner.X, inner.Y, inner.Width - 8, inner.Height - 8);
        using var a = new Mat(recovered, inner);
        using var b = new Mat(reference, moved);
        using var ga = new Mat();
        using var gb = new Mat();
        Cv2.CvtColor(a, ga, ColorConversionCodes.BGR2GRAY);
        Cv2.CvtColor(b, gb, ColorConversionCodes.BGR2GRAY);
        using var result = new Mat();
        Cv2.MatchTemplate(ga, gb, result, TemplateMatchModes.CCoeffNormed);
        return result.Get<float>(0, 0);
    }

    private static double Distance(FramePoint a, FramePoint b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}

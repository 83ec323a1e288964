using KycOcr.Samples;
using OpenCvSharp;

namespace KycOcr.Samples.Tests;

public class BackgroundTests
{
    /// <summary>Floor tiles are a grid: two families of long straight lines at right angles. Stripes are one family.</summary>
    [Theory]
    [InlineData(BackgroundKind.Tiles, 2)]
    [InlineData(BackgroundKind.Stripes, 1)]
    [InlineData(BackgroundKind.Plain, 0)]
    public void Patterned_backgrounds_show_their_families_of_straight_lines(BackgroundKind kind, int families)
    {
        for (int seed = 1; seed <= 4; seed++)
        {
            using var scene = SyntheticDocumentGenerator.RenderBackground(new DocumentPhotoSpec
            {
                Seed = seed, FrameWidth = 1280, FrameHeight = 960, Background = kind,
            });

            var angles = LongLineAngles(scene);

            Assert.Equal(families, Families(angles).Count);
            if (families == 2)
            {
                var (a, b) = (Families(angles)[0], Families(angles)[1]);
                double between = Math.Abs(a - b) % 180;
                Assert.InRange(Math.Min(between, 180 - between), 85, 95);
            }
        }
    }

    [Fact]
    public void Patterned_backgrounds_differ_by_seed_in_angle_and_spacing()
    {
        using var first = SyntheticDocumentGenerator.RenderBackground(new DocumentPhotoSpec { Seed = 1, FrameWidth = 1280, FrameHeight = 960, Background = BackgroundKind.Tiles });
        using var second = SyntheticDocumentGenerator.RenderBackground(new DocumentPhotoSpec { Seed = 2, FrameWidth = 1280, FrameHeight = 960, Background = BackgroundKind.Tiles });

        Assert.NotEqual(Families(LongLineAngles(first))[0], Families(LongLineAngles(second))[0]);
    }

    // Angles (degrees, 0–180) of the straight lines at least a twelfth of the frame's short side long (a tile's side at least).
    private static List<double> LongLineAngles(Mat scene)
    {
        using var gray = new Mat();
        Cv2.CvtColor(scene, gray, ColorConversionCodes.BGR2GRAY);
        using var edges = new Mat();
        Cv2.Canny(gray, edges, 40, 120);
        var segments = Cv2.HoughLinesP(edges, 1, Math.PI / 180, 60, Math.Min(scene.Cols, scene.Rows) / 12.0, 5);
        return segments.Select(s => (Math.Atan2(s.P2.Y - s.P1.Y, s.P2.X - s.P1.X) * 180 / Math.PI + 180) % 180).ToList();
    }

    // Directions held by at least 4 lines, each within 3° of the family's first.
    private static List<double> Families(List<double> angles)
    {
        var families = new List<(double Angle, int Count)>();
        foreach (var angle in angles)
        {
            int i = families.FindIndex(f => Math.Min(Math.Abs(f.Angle - angle), 180 - Math.Abs(f.Angle - angle)) < 3);
            if (i < 0)
            {
                families.Add((angle, 1));
            }
            else
            {
                families[i] = (families[i].Angle, families[i].Count + 1);
            }
        }

        return families.Where(f => f.Count >= 4).OrderByDescending(f => f.Count).Select(f => Math.Round(f.Angle, 1)).ToList();
    }
}

using KycOcr.Core.Quality;
using OpenCvSharp;

namespace KycOcr.Core.Tests.Quality;

public class EdgeMapTests
{
    /// <summary>
    /// The support walks skip their three probes (the point and a unit step either side of it across the line)
    /// when <see cref="EdgeMap.MayHaveEdgeNear"/> says no: that must never hide a hit, or the detector's
    /// results would change.
    /// </summary>
    [Fact]
    public void No_edge_near_means_every_probe_within_a_pixel_misses()
    {
        var random = new Random(7);
        using var edges = new Mat(60, 80, MatType.CV_8UC1, Scalar.All(0));
        for (var i = 0; i < 40; i++)
            edges.Set(random.Next(edges.Rows), random.Next(edges.Cols), (byte)255);
        var map = new EdgeMap(edges, withNeighbourhood: true);

        var skipped = 0;
        for (var i = 0; i < 200_000; i++)
        {
            // Half-pixel positions and axis-aligned steps too: rounding to even moves those the furthest.
            var x = random.Next(4) == 0 ? random.Next(-2, 82) + 0.5 : random.NextDouble() * 84 - 2;
            var y = random.Next(4) == 0 ? random.Next(-2, 62) + 0.5 : random.NextDouble() * 64 - 2;
            var angle = random.Next(4) == 0 ? random.Next(4) * Math.PI / 2 : random.NextDouble() * 2 * Math.PI;
            var (nx, ny) = (Math.Cos(angle), Math.Sin(angle));
            if (map.MayHaveEdgeNear((int)Math.Round(x), (int)Math.Round(y)))
                continue;
            skipped++;
            for (var d = -1; d <= 1; d++)
                Assert.False(map.IsEdge((int)Math.Round(x + nx * d), (int)Math.Round(y + ny * d)), $"hit hidden at ({x}, {y}) step {d}");
        }
        Assert.True(skipped > 100_000, $"only {skipped} skipped: the test would prove nothing");
    }

    [Fact]
    public void A_step_from_a_half_pixel_reaches_two_pixels_away_and_is_still_looked_at()
    {
        using var edges = new Mat(20, 20, MatType.CV_8UC1, Scalar.All(0));
        edges.Set(10, 12, (byte)255);
        var map = new EdgeMap(edges, withNeighbourhood: true);

        // 10.5 rounds to 10, 11.5 to 12: the probe one pixel to the right lands two pixels away.
        Assert.True(map.IsEdge((int)Math.Round(10.5 + 1), 10));
        Assert.True(map.MayHaveEdgeNear((int)Math.Round(10.5), 10));
        Assert.False(map.MayHaveEdgeNear(9, 10));
    }

    [Fact]
    public void Without_the_neighbourhood_every_place_may_have_an_edge()
    {
        using var edges = new Mat(20, 20, MatType.CV_8UC1, Scalar.All(0));
        var map = new EdgeMap(edges);

        Assert.True(map.MayHaveEdgeNear(5, 5));
        Assert.False(map.IsEdge(5, 5));
    }
}

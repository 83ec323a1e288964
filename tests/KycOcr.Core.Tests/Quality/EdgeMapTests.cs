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
        var map = SparseEdges(random);

        var skipped = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var (x, y, nx, ny) = Probe(random);
            if (map.MayHaveEdgeNear((int)Math.Round(x), (int)Math.Round(y)))
                continue;
            skipped++;
            for (var d = -1; d <= 1; d++)
                Assert.False(map.IsEdge((int)Math.Round(x + nx * d), (int)Math.Round(y + ny * d)), $"hit hidden at ({x}, {y}) step {d}");
        }
        Assert.True(skipped > 100_000, $"only {skipped} skipped: the test would prove nothing");
    }

    [Fact]
    public void An_edge_across_is_exactly_a_hit_of_one_of_the_three_probes()
    {
        var random = new Random(11);
        var map = SparseEdges(random);

        var hits = 0;
        for (var i = 0; i < 100_000; i++)
        {
            var (x, y, nx, ny) = Probe(random);
            var probed = Enumerable.Range(-1, 3).Any(d => map.IsEdge((int)Math.Round(x + nx * d), (int)Math.Round(y + ny * d)));
            Assert.Equal(probed, map.HasEdgeAcross(x, y, nx, ny));
            hits += probed ? 1 : 0;
        }
        Assert.True(hits > 1_000, $"only {hits} hits: the test would prove nothing");
    }

    /// <summary>40 scattered edge pixels on an 80x60 map, with the neighbourhood kept.</summary>
    private static EdgeMap SparseEdges(Random random)
    {
        using var edges = new Mat(60, 80, MatType.CV_8UC1, Scalar.All(0));
        for (var i = 0; i < 40; i++)
            edges.Set(random.Next(edges.Rows), random.Next(edges.Cols), (byte)255);
        return new EdgeMap(edges, withNeighbourhood: true);
    }

    /// <summary>
    /// A place on or just off the map and a unit step across a line there. Half-pixel positions and
    /// axis-aligned steps too: rounding to even moves those the furthest.
    /// </summary>
    private static (double X, double Y, double NormalX, double NormalY) Probe(Random random)
    {
        var x = random.Next(4) == 0 ? random.Next(-2, 82) + 0.5 : random.NextDouble() * 84 - 2;
        var y = random.Next(4) == 0 ? random.Next(-2, 62) + 0.5 : random.NextDouble() * 64 - 2;
        var angle = random.Next(4) == 0 ? random.Next(4) * Math.PI / 2 : random.NextDouble() * 2 * Math.PI;
        return (x, y, Math.Cos(angle), Math.Sin(angle));
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

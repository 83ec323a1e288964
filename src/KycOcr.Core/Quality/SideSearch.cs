using OpenCvSharp;

namespace KycOcr.Core.Quality;

/// <summary>
/// Corrects a snapped outline side by side: a side that stopped at the inner border of a coloured header or
/// an MRZ zone moves out to the band's outer border when that brings the outline to a document's aspect, or
/// when the band looks unlike what lies beyond it, provided the neighbouring sides' edges run on out to it
/// (a streak in a wooden table beyond the document has bare table between).
/// </summary>
internal static class SideSearch
{
    private const double MinSupport = 0.5;
    private const double Slack = 10;

    private readonly record struct Line(Point2d Point, Point2d Direction);

    private readonly record struct Found(double Offset, double Angle, double Support);

    /// <param name="quad">TL, TR, BR, BL (clockwise on screen).</param>
    public static Point2d[] Run(Point2d[] quad, EdgeMap edges, Mat bgr)
    {
        var shortSide = Math.Min(
            Math.Min(DocumentDetection.Distance(quad[0], quad[1]), DocumentDetection.Distance(quad[1], quad[2])),
            Math.Min(DocumentDetection.Distance(quad[2], quad[3]), DocumentDetection.Distance(quad[3], quad[0])));
        var inward = shortSide * 0.14;
        var outward = shortSide * 0.26;

        var lines = new Line[4];
        var bases = new Found[4];
        var outer = new List<Found>[4];
        for (var i = 0; i < 4; i++)
        {
            var a = quad[i];
            var b = quad[(i + 1) % 4];
            var found = Scan(a, b, edges, inward, outward);
            // The side has been snapped to the edges it follows: it stays unless that run is weak, and then
            // any supported run may replace it below if that makes the outline document-shaped.
            var support = LineQuads.SideSupport(a, b, edges);
            var base_ = new Found(0, 0, support >= MinSupport ? support : 0);
            lines[i] = Place(a, b, base_);
            bases[i] = base_;
            outer[i] = found.Where(f => base_.Support == 0 ? Math.Abs(f.Offset) > Slack : f.Offset > 3)
                .OrderByDescending(f => f.Offset).ToList();
        }

        var corners = Corners(lines) ?? quad;
        var deviation = AspectDeviation(corners);
        for (var i = 0; i < 4; i++)
        {
            foreach (var candidate in outer[i])
            {
                var trial = (Line[])lines.Clone();
                trial[i] = Place(quad[i], quad[(i + 1) % 4], candidate);
                if (Corners(trial) is not { } moved)
                    continue;
                var trialDeviation = AspectDeviation(moved);
                var improves = trialDeviation < deviation - 0.02 && trialDeviation <= 0.05;
                // A band that looks unlike what lies beyond it (a header, an MRZ zone on a dark table) is
                // document, even when cutting it off would leave another document's aspect (a TD2 card
                // without its MRZ zone has ID-1's).
                var bandIsDocument = candidate.Offset - bases[i].Offset >= shortSide * 0.04 && trialDeviation <= 0.15
                    && BandDiffersFromBeyond(quad[i], quad[(i + 1) % 4], bases[i], candidate, bgr);
                // The document's own sides run up to its edge: when the neighbours' ends are bare there, the
                // line is the table's (a streak in the wood beyond a dark header), not the document's.
                var neighboursReach = candidate.Offset < 0
                    || (Reaches(corners[i], moved[i], shortSide, edges) && Reaches(corners[(i + 1) % 4], moved[(i + 1) % 4], shortSide, edges));
                if ((improves || bandIsDocument) && neighboursReach)
                {
                    lines = trial;
                    corners = moved;
                    deviation = trialDeviation;
                    break;
                }
            }
        }
        return corners;
    }

    /// <summary>
    /// Whether a neighbouring side's edge runs on from its old corner to the moved one, short of the rounded
    /// corner there (radius 6 % of an ID-1 card's short side). A move within that radius never passes: the
    /// snapped side is already on the edge, and what lies just beyond it is the table's.
    /// </summary>
    private static bool Reaches(Point2d from, Point2d to, double shortSide, EdgeMap edges)
    {
        var distance = DocumentDetection.Distance(from, to);
        var radius = 0.07 * shortSide;
        if (distance <= radius)
            return false;
        return SideFit.Support(from, to, 0, 1 - radius / distance, edges) is not { } support || support >= 0.5;
    }

    /// <summary>Mean colour of the band between the side and the candidate line against a strip beyond the candidate.</summary>
    private static bool BandDiffersFromBeyond(Point2d a, Point2d b, Found side, Found candidate, Mat bgr)
    {
        var band = MeanColour(a, b, side.Offset + 3, candidate.Offset - 3, bgr);
        var beyond = MeanColour(a, b, candidate.Offset + 3, candidate.Offset + 9, bgr);
        if (band is null || beyond is null)
            return false;
        var d = Math.Sqrt(Enumerable.Range(0, 3).Sum(k => (band[k] - beyond[k]) * (band[k] - beyond[k])));
        return d > 25;
    }

    private static double[]? MeanColour(Point2d a, Point2d b, double from, double to, Mat bgr)
    {
        if (to < from)
            return null;
        var length = DocumentDetection.Distance(a, b);
        var dx = (b.X - a.X) / length;
        var dy = (b.Y - a.Y) / length;
        var sum = new double[3];
        var count = 0;
        for (var t = 0.15 * length; t <= 0.85 * length; t += 3)
        {
            for (var o = from; o <= to; o += 2)
            {
                var x = (int)Math.Round(a.X + dx * t + dy * o);
                var y = (int)Math.Round(a.Y + dy * t - dx * o);
                if (x < 0 || y < 0 || x >= bgr.Width || y >= bgr.Height)
                    continue;
                var c = bgr.At<Vec3b>(y, x);
                sum[0] += c.Item0;
                sum[1] += c.Item1;
                sum[2] += c.Item2;
                count++;
            }
        }
        return count == 0 ? null : sum.Select(v => v / count).ToArray();
    }

    /// <summary>Supported offsets (positive = outward) and their best angle, one per run of neighbouring offsets.</summary>
    private static List<Found> Scan(Point2d a, Point2d b, EdgeMap edges, double inward, double outward)
    {
        var length = DocumentDetection.Distance(a, b);
        var samples = Samples(length);
        // Below the support floor a line's exact support never matters: it is not kept, and a kept neighbour
        // beats it either way. So a line is given up as soon as it can no longer reach the floor or beat the
        // offset's best angle so far (the scan's main cost: most offsets cross bare table or print).
        var floor = 0;
        while (floor < samples && (double)floor / samples < MinSupport)
            floor++;
        var results = new List<Found>();
        var bestPerOffset = new List<Found>();
        for (var offset = outward; offset >= -inward; offset -= 1)
        {
            var best = new Found(offset, 0, 0);
            var bestHits = 0;
            foreach (var angle in (ReadOnlySpan<double>)[-2.5, -1.5, -0.5, 0, 0.5, 1.5, 2.5])
            {
                var hits = Hits(a, b, length, samples, offset, angle, edges, Math.Max(bestHits + 1, floor));
                if (hits > bestHits)
                {
                    bestHits = hits;
                    best = new Found(offset, angle, (double)hits / samples);
                }
            }
            bestPerOffset.Add(best);
        }

        // Local maxima above the support floor.
        for (var k = 0; k < bestPerOffset.Count; k++)
        {
            var f = bestPerOffset[k];
            if (f.Support < MinSupport)
                continue;
            var previous = k > 0 ? bestPerOffset[k - 1].Support : 0;
            var next = k + 1 < bestPerOffset.Count ? bestPerOffset[k + 1].Support : 0;
            if (f.Support >= previous && f.Support >= next)
                results.Add(f);
        }
        return results;
    }

    /// <summary>Places <see cref="Hits"/> probes along a side of <paramref name="length"/>.</summary>
    private static int Samples(double length)
    {
        var samples = 0;
        for (var t = -0.38 * length; t <= 0.38 * length; t += 2)
            samples++;
        return samples;
    }

    /// <summary>
    /// Places along the line with an edge pixel within a pixel of it; 0 as soon as fewer than
    /// <paramref name="needed"/> remain possible.
    /// </summary>
    private static int Hits(Point2d a, Point2d b, double length, int samples, double offset, double angleDegrees, EdgeMap edges, int needed)
    {
        var (point, direction) = Place(a, b, new Found(offset, angleDegrees, 0));
        var normal = new Point2d(direction.Y, -direction.X);
        var hits = 0;
        // Probes left, this one included.
        var left = samples;
        // The middle 76 %: corners are rounded.
        for (var t = -0.38 * length; t <= 0.38 * length; t += 2, left--)
        {
            if (hits + left < needed)
                return 0;
            if (edges.HasEdgeAcross(point.X + direction.X * t, point.Y + direction.Y * t, normal.X, normal.Y))
                hits++;
        }
        return hits;
    }

    /// <summary>The side a→b moved by <c>Offset</c> along its outward normal and turned by <c>Angle</c> about its middle.</summary>
    private static Line Place(Point2d a, Point2d b, Found f)
    {
        var length = DocumentDetection.Distance(a, b);
        var dx = (b.X - a.X) / length;
        var dy = (b.Y - a.Y) / length;
        var theta = f.Angle * Math.PI / 180;
        var direction = new Point2d(dx * Math.Cos(theta) - dy * Math.Sin(theta), dx * Math.Sin(theta) + dy * Math.Cos(theta));
        var normal = new Point2d(dy, -dx);
        var middle = new Point2d((a.X + b.X) / 2 + normal.X * f.Offset, (a.Y + b.Y) / 2 + normal.Y * f.Offset);
        return new Line(middle, direction);
    }

    private static Point2d[]? Corners(Line[] lines)
    {
        var corners = new Point2d[4];
        for (var i = 0; i < 4; i++)
        {
            var (p, q) = (lines[(i + 3) % 4], lines[i]);
            if (QuadGeometry.Intersect(p.Point, p.Direction, q.Point, q.Direction) is not { } corner)
                return null;
            corners[i] = corner;
        }
        return corners;
    }

    private static double AspectDeviation(Point2d[] q)
    {
        var (first, second) = QuadGeometry.MeanSides(q);
        return QuadGeometry.AspectDistance(Math.Max(first, second) / Math.Max(1e-9, Math.Min(first, second)));
    }
}

using OpenCvSharp;

namespace KycOcr.Core.Quality;

/// <summary>
/// Side-level evidence on the edge map: the best-backed straight run of edges near a rough side (a hull's
/// vertices sit on a rounded card's arcs, so its sides are a few pixels and a degree or two off), whether
/// the sides reach the corners, and whether they run on past them (a document's side stops there; a streak
/// in a wooden table crosses the whole frame).
/// </summary>
internal static class SideFit
{
    private const double MaxTurnDegrees = 2.0;
    private const double TurnStepDegrees = 0.25;

    /// <param name="Offset">Along the side's outward normal (left of a→b on screen, y down), in pixels.</param>
    /// <param name="Angle">Turn about the side's middle, in degrees.</param>
    /// <param name="Support">Share of the side's middle 76 % with an edge pixel within a pixel of the line.</param>
    public readonly record struct Fit(double Offset, double Angle, double Support);

    /// <summary>
    /// The offset (within <paramref name="reach"/>) and turn (within ±2°) whose line is backed by edges at
    /// the most places along the middle 76 % of a→b: a Hough vote restricted to a narrow window.
    /// </summary>
    public static Fit Snap(Point2d a, Point2d b, EdgeMap edges, int reach)
    {
        var length = DocumentDetection.Distance(a, b);
        if (length < 10)
            return new Fit(0, 0, 0);
        var dx = (b.X - a.X) / length;
        var dy = (b.Y - a.Y) / length;
        var middle = length / 2;

        // Edge offsets seen across the side at every other pixel along it.
        var positions = new List<(double S, int First, int Count)>();
        var offsets = new List<int>();
        for (var s = 0.12 * length; s <= 0.88 * length; s += 2)
        {
            var first = offsets.Count;
            var cx = a.X + dx * s;
            var cy = a.Y + dy * s;
            // Three offsets at a time: one look at the middle one's neighbourhood tells when all three miss.
            for (var t = -reach; t <= reach; t += 3)
            {
                var middleOfThree = Math.Min(t + 1, reach);
                if (!edges.MayHaveEdgeNear((int)Math.Round(cx + dy * middleOfThree), (int)Math.Round(cy - dx * middleOfThree)))
                    continue;
                for (var u = t; u <= Math.Min(t + 2, reach); u++)
                {
                    if (edges.IsEdge((int)Math.Round(cx + dy * u), (int)Math.Round(cy - dx * u)))
                        offsets.Add(u);
                }
            }
            positions.Add((s - middle, first, offsets.Count - first));
        }
        if (positions.Count == 0)
            return new Fit(0, 0, 0);

        var margin = (int)Math.Ceiling(middle * Math.Tan(MaxTurnDegrees * Math.PI / 180)) + 2;
        var width = 2 * (reach + margin) + 1;
        var votes = new int[width];
        var stamps = new int[width];
        var best = new Fit(0, 0, 0);
        var bestVotes = 0;
        var turns = (int)Math.Round(MaxTurnDegrees / TurnStepDegrees);
        var stamp = 0;
        for (var k = -turns; k <= turns; k++)
        {
            var angle = k * TurnStepDegrees;
            var tan = Math.Tan(angle * Math.PI / 180);
            Array.Clear(votes);
            foreach (var (s, first, count) in positions)
            {
                stamp++;
                // Turning the line by +angle about the middle (clockwise on screen) moves it inward by
                // s·tan at position s: an edge at offset t there votes for offset t + s·tan at the middle.
                var shift = s * tan;
                for (var h = first; h < first + count; h++)
                {
                    var bin = (int)Math.Round(offsets[h] + shift) + reach + margin;
                    for (var w = Math.Max(0, bin - 1); w <= Math.Min(width - 1, bin + 1); w++)
                    {
                        if (stamps[w] == stamp)
                            continue;
                        stamps[w] = stamp;
                        votes[w]++;
                    }
                }
            }
            for (var w = 0; w < width; w++)
            {
                var offset = w - reach - margin;
                // Equal votes: the smaller move wins, so a clean side stays where it is.
                if (votes[w] > bestVotes || (votes[w] == bestVotes && bestVotes > 0 && Math.Abs(offset) + Math.Abs(angle) < Math.Abs(best.Offset) + Math.Abs(best.Angle)))
                {
                    bestVotes = votes[w];
                    best = new Fit(offset, angle, 0);
                }
            }
        }
        return best with { Support = (double)bestVotes / positions.Count };
    }

    /// <summary>
    /// Each side of <paramref name="quad"/> (TL, TR, BR, BL) snapped to its best-backed line; null when the
    /// snapped sides do not meet near the rough corners.
    /// </summary>
    public static (Point2d[] Quad, double[] Support)? SnapQuad(Point2d[] quad, EdgeMap edges, int reach)
    {
        var lines = new (Point2d Point, Point2d Direction)[4];
        var support = new double[4];
        for (var i = 0; i < 4; i++)
        {
            var a = quad[i];
            var b = quad[(i + 1) % 4];
            var fit = Snap(a, b, edges, reach);
            lines[i] = Place(a, b, fit.Offset, fit.Angle);
            support[i] = fit.Support;
        }
        var corners = new Point2d[4];
        for (var i = 0; i < 4; i++)
        {
            var (p, q) = (lines[(i + 3) % 4], lines[i]);
            if (QuadGeometry.Intersect(p.Point, p.Direction, q.Point, q.Direction) is not { } corner || DocumentDetection.Distance(corner, quad[i]) > 4 * reach)
                return null;
            corners[i] = corner;
        }
        return (corners, support);
    }

    /// <summary>The side a→b moved by <paramref name="offset"/> along its outward normal and turned by <paramref name="angleDegrees"/> about its middle.</summary>
    public static (Point2d Point, Point2d Direction) Place(Point2d a, Point2d b, double offset, double angleDegrees)
    {
        var length = DocumentDetection.Distance(a, b);
        var dx = (b.X - a.X) / length;
        var dy = (b.Y - a.Y) / length;
        var theta = angleDegrees * Math.PI / 180;
        var direction = new Point2d(dx * Math.Cos(theta) - dy * Math.Sin(theta), dx * Math.Sin(theta) + dy * Math.Cos(theta));
        var middle = new Point2d((a.X + b.X) / 2 + dy * offset, (a.Y + b.Y) / 2 - dx * offset);
        return (middle, direction);
    }

    /// <summary>Backing of both lines beyond a corner that makes it a crossing.</summary>
    private const double CrossedSupport = 0.25;

    /// <summary>Corners nearer the frame's border than this share of its short side are not judged crossed or clean.</summary>
    private const double FrameInset = 0.02;

    /// <summary>
    /// How well <paramref name="quad"/>'s corners are corners: the mean backing of the sides' eight ends just
    /// past the rounded corners (5–11 % of a side from its corner; an ID-1 card's corner radius is 6 % of its
    /// short side), which a side pushed out past the document onto the table leaves bare; and the mean over
    /// the corners of the larger backing of the two sides' lines just beyond them: a side stopped at a
    /// header's inner border leaves its neighbours running on, a streak in a wooden table runs on itself.
    /// </summary>
    /// <remarks>
    /// Also says whether the quad is a lattice's cell: crossed corners, where both sides' lines run on past the corner
    /// (as far as the frame shows them), at two corners or at every corner the frame lets it judge. A tiled floor's
    /// cells are crossed at every corner; a document lying on the tiles at none, since it hides the grout lines that
    /// meet its sides.
    /// </remarks>
    public static (double Ends, double Overshoot, bool Lattice) CornerEvidence(Point2d[] quad, EdgeMap edges)
    {
        double ends = 0;
        int endCount = 0;
        var beyondStart = new double?[4];
        var beyondFinish = new double?[4];
        for (var i = 0; i < 4; i++)
        {
            var a = quad[i];
            var b = quad[(i + 1) % 4];
            foreach (var end in (ReadOnlySpan<double?>)[Support(a, b, 0.05, 0.11, edges), Support(a, b, 0.95, 0.89, edges)])
            {
                if (end is { } e)
                {
                    ends += e;
                    endCount++;
                }
            }
            beyondStart[i] = Support(a, b, -0.03, -0.12, edges);
            beyondFinish[i] = Support(a, b, 1.03, 1.12, edges);
        }
        var over = 0.0;
        int crossed = 0, clean = 0;
        var inset = FrameInset * Math.Min(edges.Width, edges.Height);
        for (var i = 0; i < 4; i++)
        {
            double?[] runOn = [beyondFinish[(i + 3) % 4], beyondStart[i]];
            over += runOn.Max(r => r ?? 0);
            // At or past the frame's border too little is seen to tell; elsewhere a corner is crossed when what the
            // frame shows of both lines runs on.
            var corner = quad[i];
            if (corner.X < inset || corner.Y < inset || corner.X > edges.Width - 1 - inset || corner.Y > edges.Height - 1 - inset
                || runOn.All(r => r is null))
            {
                continue;
            }
            if (runOn.All(r => r is null or >= CrossedSupport))
                crossed++;
            else
                clean++;
        }
        return (endCount == 0 ? 1 : ends / endCount, over / 4, crossed >= 2 || (crossed == 1 && clean == 0));
    }

    /// <summary>
    /// Share of the line through a→b, between fractions <paramref name="from"/> and <paramref name="to"/> of
    /// the way (walked from <paramref name="from"/>, outside [0, 1] beyond the corners), with an edge pixel
    /// within a pixel of it; null when the frame shows too little of that stretch.
    /// </summary>
    public static double? Support(Point2d a, Point2d b, double from, double to, EdgeMap edges)
    {
        var length = DocumentDetection.Distance(a, b);
        if (length < 10)
            return null;
        var dx = (b.X - a.X) / length;
        var dy = (b.Y - a.Y) / length;
        var step = Math.Sign(to - from) * 2.0;
        var span = Math.Abs(to - from) * length;
        int hits = 0, samples = 0;
        for (var walked = 0.0; walked <= span; walked += 2)
        {
            var s = from * length + Math.Sign(step) * walked;
            var x = a.X + dx * s;
            var y = a.Y + dy * s;
            if (x < 1 || y < 1 || x > edges.Width - 2 || y > edges.Height - 2)
                break;
            samples++;
            if (edges.HasEdgeAcross(x, y, dy, -dx))
                hits++;
        }
        return samples < Math.Max(6, span / 2 * 0.3) ? null : (double)hits / samples;
    }
}

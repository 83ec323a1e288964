using OpenCvSharp;

namespace KycOcr.Core.Quality;

/// <summary>
/// Outline candidates from straight lines, for when the outline never closes into one contour (clutter
/// touching the document, a pale edge on pale paper): long Hough segments are merged into lines, two
/// pairs of roughly parallel lines make a quadrilateral, and only document-shaped ones whose four sides
/// are each backed by edges along most of their length are kept.
/// </summary>
internal static class LineQuads
{
    private readonly record struct Line(double Theta, double Rho, double Length);

    public static List<(Point2d[] Quad, double Score)> Find(Mat edges, EdgeMap map, double minCoverage)
    {
        var size = edges.Size();
        var minDim = Math.Min(size.Width, size.Height);
        var frameArea = (double)size.Width * size.Height;
        var segments = Cv2.HoughLinesP(edges, 1, Math.PI / 360, 60, minDim * 0.15, 8);
        var lines = Merge(segments).OrderByDescending(l => l.Length).Take(36).ToArray();

        var pairs = new List<(Line A, Line B, double Theta)>();
        for (var i = 0; i < lines.Length; i++)
        {
            for (var j = i + 1; j < lines.Length; j++)
            {
                if (AngleBetween(lines[i].Theta, lines[j].Theta) > 10 * Math.PI / 180)
                    continue;
                var b = Align(lines[j], lines[i].Theta);
                if (Math.Abs(lines[i].Rho - b.Rho) < minDim * 0.12)
                    continue;
                pairs.Add((lines[i], b, lines[i].Theta));
            }
        }

        var quads = new List<(Point2d[] Quad, double Prior)>();
        for (var p = 0; p < pairs.Count; p++)
        {
            for (var q = p + 1; q < pairs.Count; q++)
            {
                var angle = AngleBetween(pairs[p].Theta, pairs[q].Theta);
                if (angle < 60 * Math.PI / 180)
                    continue;
                var corners = new[]
                {
                    Intersect(pairs[p].A, pairs[q].A), Intersect(pairs[q].A, pairs[p].B),
                    Intersect(pairs[p].B, pairs[q].B), Intersect(pairs[q].B, pairs[p].A),
                };
                if (corners.Any(c => c is null))
                    continue;
                var quad = corners.Select(c => c!.Value).ToArray();
                if (quad.Any(c => c.X < -0.02 * size.Width || c.Y < -0.02 * size.Height || c.X > 1.02 * size.Width || c.Y > 1.02 * size.Height))
                    continue;
                // Shoelace and side lengths in place: this loop sees thousands of line pairs.
                var area = Math.Abs(Shoelace(quad));
                if (area < minCoverage * frameArea)
                    continue;
                var sideA = (DocumentDetection.Distance(quad[0], quad[1]) + DocumentDetection.Distance(quad[2], quad[3])) / 2;
                var sideB = (DocumentDetection.Distance(quad[1], quad[2]) + DocumentDetection.Distance(quad[3], quad[0])) / 2;
                var ratio = Math.Max(sideA, sideB) / Math.Max(1e-9, Math.Min(sideA, sideB));
                var off = QuadGeometry.AspectDistance(ratio);
                if (off > 0.25)
                    continue;
                var ordered = DocumentDetector.Order(quad);
                quads.Add((ordered, area / frameArea * Math.Exp(-(off / 0.2) * (off / 0.2))));
            }
        }

        var result = new List<(Point2d[] Quad, double Score)>();
        foreach (var (quad, prior) in quads.OrderByDescending(q => q.Prior).Take(400))
        {
            var weakest = 1.0;
            var total = 0.0;
            for (var i = 0; i < 4; i++)
            {
                var s = SideSupport(quad[i], quad[(i + 1) % 4], map);
                weakest = Math.Min(weakest, s);
                total += s;
            }
            if (weakest < 0.45)
                continue;
            result.Add((quad, prior * (total / 4) * (total / 4)));
        }
        return result;
    }

    private static double Shoelace(Point2d[] q)
    {
        double sum = 0;
        for (var i = 0; i < q.Length; i++)
            sum += q[i].X * q[(i + 1) % q.Length].Y - q[(i + 1) % q.Length].X * q[i].Y;
        return sum / 2;
    }

    /// <summary>Share of the side's middle 76 % with an edge pixel within a pixel of it.</summary>
    internal static double SideSupport(Point2d a, Point2d b, EdgeMap edges)
    {
        var length = DocumentDetection.Distance(a, b);
        if (length < 1)
            return 0;
        var dx = (b.X - a.X) / length;
        var dy = (b.Y - a.Y) / length;
        int hits = 0, samples = 0;
        for (var t = 0.12 * length; t <= 0.88 * length; t += 2)
        {
            samples++;
            if (edges.HasEdgeAcross(a.X + dx * t, a.Y + dy * t, dy, -dx))
                hits++;
        }
        return samples == 0 ? 0 : (double)hits / samples;
    }

    private static List<Line> Merge(LineSegmentPoint[] segments)
    {
        var lines = new List<Line>();
        foreach (var s in segments)
        {
            double dx = s.P2.X - s.P1.X, dy = s.P2.Y - s.P1.Y;
            var length = Math.Sqrt(dx * dx + dy * dy);
            // Normal form: x cos(theta) + y sin(theta) = rho, theta in [0, pi).
            var theta = Math.Atan2(dx, -dy);
            if (theta < 0) theta += Math.PI;
            if (theta >= Math.PI) theta -= Math.PI;
            var rho = s.P1.X * Math.Cos(theta) + s.P1.Y * Math.Sin(theta);
            var merged = false;
            for (var k = 0; k < lines.Count; k++)
            {
                var other = Align(lines[k], theta);
                if (AngleBetween(other.Theta, theta) < 2.5 * Math.PI / 180 && Math.Abs(other.Rho - rho) < 5)
                {
                    lines[k] = lines[k] with { Length = lines[k].Length + length };
                    merged = true;
                    break;
                }
            }
            if (!merged)
                lines.Add(new Line(theta, rho, length));
        }
        return lines;
    }

    /// <summary>The same line expressed with a normal angle close to <paramref name="theta"/>.</summary>
    private static Line Align(Line line, double theta)
    {
        var diff = line.Theta - theta;
        if (diff > Math.PI / 2)
            return new Line(line.Theta - Math.PI, -line.Rho, line.Length);
        if (diff < -Math.PI / 2)
            return new Line(line.Theta + Math.PI, -line.Rho, line.Length);
        return line;
    }

    private static double AngleBetween(double a, double b)
    {
        var d = Math.Abs(a - b) % Math.PI;
        return Math.Min(d, Math.PI - d);
    }

    private static Point2d? Intersect(Line p, Line q)
    {
        double a1 = Math.Cos(p.Theta), b1 = Math.Sin(p.Theta), a2 = Math.Cos(q.Theta), b2 = Math.Sin(q.Theta);
        var det = a1 * b2 - a2 * b1;
        if (Math.Abs(det) < 1e-6)
            return null;
        return new Point2d((p.Rho * b2 - q.Rho * b1) / det, (a1 * q.Rho - a2 * p.Rho) / det);
    }
}

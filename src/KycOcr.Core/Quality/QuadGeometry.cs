using OpenCvSharp;

namespace KycOcr.Core.Quality;

/// <summary>The plane geometry the detector's steps share: where two lines meet, a quad's sides, how near a document's shape it is.</summary>
internal static class QuadGeometry
{
    /// <summary>
    /// Where the line through <paramref name="p"/> along <paramref name="pDirection"/> meets the line through
    /// <paramref name="q"/> along <paramref name="qDirection"/> (unit directions); null when they are parallel.
    /// </summary>
    public static Point2d? Intersect(Point2d p, Point2d pDirection, Point2d q, Point2d qDirection)
    {
        var cross = pDirection.X * qDirection.Y - pDirection.Y * qDirection.X;
        if (Math.Abs(cross) < 1e-6)
            return null;
        var t = ((q.X - p.X) * qDirection.Y - (q.Y - p.Y) * qDirection.X) / cross;
        return new Point2d(p.X + pDirection.X * t, p.Y + pDirection.Y * t);
    }

    /// <summary>The mean lengths of a quad's two pairs of opposite sides: corners 0–1 with 3–2, and 0–3 with 1–2.</summary>
    public static (double First, double Second) MeanSides(IReadOnlyList<Point2d> q) => (
        (DocumentDetection.Distance(q[0], q[1]) + DocumentDetection.Distance(q[3], q[2])) / 2,
        (DocumentDetection.Distance(q[0], q[3]) + DocumentDetection.Distance(q[1], q[2])) / 2);

    /// <summary>How far an aspect (long side over short) is from the nearer of an ID-1 card's and a passport's.</summary>
    public static double AspectDistance(double aspect) =>
        Math.Min(Math.Abs(aspect - DocumentDetector.IdCardAspect), Math.Abs(aspect - DocumentDetector.PassportAspect));
}

using OpenCvSharp;

namespace KycOcr.Core.Quality;

/// <summary>A quadrilateral that may be the document, and how strongly.</summary>
internal sealed record QuadCandidate(Point2d[] Quad, double Score);

/// <summary>
/// The detector's judging step. Hull corners sit on a rounded card's arcs and Hough lines are a segment's direction:
/// every candidate's sides are first snapped to the weak edges they follow, then judged on the same terms: backed
/// by edges all round, large, document-shaped, and with corners that are corners (the sides reach them and stop).
/// The outline sources and the line pairs often yield the very same quad: its evidence is gathered once.
/// </summary>
internal sealed class CandidateJudge(EdgeMap edges, Size frame)
{
    private readonly int _reach = Math.Max(4, (int)Math.Round(Math.Min(frame.Width, frame.Height) * 0.02));
    private readonly Dictionary<(QuadKey, bool), Evidence> _evidence = [];

    /// <summary>The best-scored outline candidates (at most <see cref="SnappedPerSource"/>), judged.</summary>
    public List<QuadCandidate> JudgeOutlines(IEnumerable<QuadCandidate> outlines) =>
        outlines.OrderByDescending(c => c.Score).Take(SnappedPerSource)
            .Select(c => Judge(c.Quad, c.Score, alreadyBacked: false)).ToList();

    /// <summary>
    /// The best line-pair quads judged, down the ranking until <see cref="SnappedPerSource"/> of them score (at most
    /// <see cref="MaxLineQuadsJudged"/>): on a tiled floor the grout lines' cells and their blends with the document's
    /// sides outrank its own outline, and score nothing once judged (lattice corners, bare or overshooting ends).
    /// </summary>
    public List<QuadCandidate> JudgeLineQuads(List<(Point2d[] Quad, double Score)> quads)
    {
        var judged = new List<QuadCandidate>();
        var scoring = 0;
        foreach (var (quad, prior) in quads.OrderByDescending(q => q.Score))
        {
            if (scoring == SnappedPerSource || judged.Count == MaxLineQuadsJudged)
                break;
            var candidate = Judge(quad, prior, alreadyBacked: true);
            judged.Add(candidate);
            if (candidate.Score > 0)
                scoring++;
        }
        return judged;
    }

    /// <summary>A bound on the line-pair quads judged in one photo (a lattice's cells that score nothing included).</summary>
    private const int MaxLineQuadsJudged = 4 * SnappedPerSource;

    /// <summary>Candidates per source (outlines, line pairs) whose sides are snapped and judged.</summary>
    private const int SnappedPerSource = 24;

    /// <summary>
    /// The candidate with its sides snapped to the edges, scored by its prior times its backing (unless the
    /// prior has it already) times how well its corners are corners: the ends of a side pushed out onto the
    /// table are bare, and a streak in the table runs on past the corners.
    /// </summary>
    private QuadCandidate Judge(Point2d[] quad, double prior, bool alreadyBacked)
    {
        var key = (new QuadKey(quad[0], quad[1], quad[2], quad[3]), alreadyBacked);
        if (!_evidence.TryGetValue(key, out var e))
        {
            var ordered = DocumentDetector.Order(quad);
            if (SideFit.SnapQuad(ordered, edges, _reach) is { } snapped && Cv2.IsContourConvex(snapped.Quad.Select(p => new Point2f((float)p.X, (float)p.Y))))
                ordered = DocumentDetector.Order(snapped.Quad);
            var backing = alreadyBacked ? 1 : Backing(ordered, edges);
            var (ends, overshoot, lattice) = SideFit.CornerEvidence(ordered, edges);
            _evidence[key] = e = new Evidence(ordered, lattice ? 0 : backing, ends, overshoot);
        }
        return new QuadCandidate(e.Quad, prior * e.Backing * e.Ends * e.Ends * (1 - 0.5 * e.Overshoot));
    }

    /// <summary>A candidate's corners as found (before ordering), compared exactly.</summary>
    private readonly record struct QuadKey(Point2d A, Point2d B, Point2d C, Point2d D);

    /// <summary>What <see cref="Judge"/> learns of a quad from the edges, independent of its prior.</summary>
    private sealed record Evidence(Point2d[] Quad, double Backing, double Ends, double Overshoot);

    /// <summary>
    /// An outline no pair of lines could better: large (a small clean rectangle may be clutter, with the
    /// document's broken outline beside it), every side backed along nearly all its length, the sides' ends
    /// backed up to the rounded corners and stopping there (a side stopped at a header's inner border leaves
    /// its neighbours running on), and a document's aspect.
    /// </summary>
    public static bool IsUnmistakable(Point2d[] quad, EdgeMap edges, double frameArea)
    {
        if (Math.Abs(Cv2.ContourArea(quad.Select(p => new Point2f((float)p.X, (float)p.Y)))) < UnmistakableCoverage * frameArea)
            return false;
        for (var i = 0; i < 4; i++)
        {
            if (LineQuads.SideSupport(quad[i], quad[(i + 1) % 4], edges) < UnmistakableSupport)
                return false;
        }
        var (ends, overshoot, _) = SideFit.CornerEvidence(quad, edges);
        if (ends < UnmistakableSupport || overshoot > 0.1)
            return false;
        var (longSide, shortSide) = QuadGeometry.MeanSides(quad);
        return QuadGeometry.AspectDistance(longSide / Math.Max(1e-9, shortSide)) <= 0.08;
    }

    private const double UnmistakableSupport = 0.85;
    private const double UnmistakableCoverage = 0.2;

    /// <summary>Mean side support squared, zero when a side is hardly backed by edges at all.</summary>
    private static double Backing(Point2d[] quad, EdgeMap edges)
    {
        var total = 0.0;
        for (var i = 0; i < 4; i++)
        {
            var support = LineQuads.SideSupport(quad[i], quad[(i + 1) % 4], edges);
            if (support < 0.2)
                return 0;
            total += support;
        }
        return total / 4 * (total / 4);
    }
}

using OpenCvSharp;

namespace KycOcr.Core.Quality;

/// <summary>
/// Finds the document's four corners. Works at a fixed working size (long side <see cref="WorkingSide"/>):
/// quadrilateral candidates from closed outlines (grey and colour edges) and from pairs of straight lines
/// have their sides snapped to the edges they follow (<see cref="SideFit"/>) and compete on size, an ID-1 or
/// passport aspect, edges backing every side, and corners that are corners (the sides reach them and stop
/// there, unlike a streak in a wooden table); the winner's sides are moved out past a header or MRZ band's
/// inner border where needed (<see cref="SideSearch"/>) and fitted to their edge pixels, which puts the
/// corners where a rounded card's sides meet.
/// </summary>
public static class DocumentDetector
{
    public const int WorkingSide = 1000;

    /// <summary>Smallest share of the frame a candidate may cover; the gate's document check has its own limit.</summary>
    private const double MinCandidateCoverage = 0.03;

    public const double IdCardAspect = 85.60 / 53.98;
    public const double PassportAspect = 125.0 / 88.0;

    /// <summary>
    /// A long side up to this much over <see cref="WorkingSide"/> is worked at as it is: OpenCV's area resize by a
    /// ratio that is not a whole number costs several milliseconds even for 1008 to 1000 (a 12 MP photo's quarter).
    /// </summary>
    private const double WorkingSideSlack = 1.1;

    /// <summary>Detects in a BGR image of any size; corners are in that image's pixels.</summary>
    public static DocumentDetection Detect(Mat bgr)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        if (Math.Max(bgr.Width, bgr.Height) <= WorkingSide * WorkingSideSlack)
            return DetectAtWorkingSize(bgr);

        // Exact halvings first (area averaging of 2x2 blocks, OpenCV's fast path), then one resize for the rest.
        var small = bgr;
        var size = bgr.Size();
        try
        {
            while (Math.Max(size.Width, size.Height) / 2 >= WorkingSide)
            {
                size = new Size(size.Width / 2, size.Height / 2);
                small = Shrunk(small, bgr, size);
            }
            var scale = (double)WorkingSide / Math.Max(size.Width, size.Height);
            if (scale * WorkingSideSlack < 1)
            {
                size = new Size(Math.Max(1, (int)Math.Round(size.Width * scale)), Math.Max(1, (int)Math.Round(size.Height * scale)));
                small = Shrunk(small, bgr, size);
            }
            return DetectAtWorkingSize(small).Scaled((double)bgr.Width / size.Width);
        }
        finally
        {
            if (!ReferenceEquals(small, bgr))
                small.Dispose();
        }
    }

    /// <summary>The area resize of <paramref name="image"/>, which is disposed unless it is the caller's <paramref name="original"/>.</summary>
    private static Mat Shrunk(Mat image, Mat original, Size size)
    {
        var shrunk = new Mat();
        Cv2.Resize(image, shrunk, size, interpolation: InterpolationFlags.Area);
        if (!ReferenceEquals(image, original))
            image.Dispose();
        return shrunk;
    }

    private static DocumentDetection DetectAtWorkingSize(Mat bgr)
    {
        var frameArea = (double)bgr.Width * bgr.Height;
        using var gray = new Mat();
        Cv2.CvtColor(bgr, gray, ColorConversionCodes.BGR2GRAY);
        using var edges = Edges(bgr, gray);

        var candidates = new List<Candidate>();
        using (var closed = new Mat())
        {
            using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3));
            Cv2.Dilate(edges, closed, kernel);
            Collect(closed, frameArea, bgr.Size(), candidates);
            using (var bridged = new Mat())
            {
                // Wider gaps closed too, at the price of merging more clutter.
                using var bigger = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(7, 7));
                Cv2.Dilate(edges, bridged, bigger);
                Collect(bridged, frameArea, bgr.Size(), candidates);
            }

            // Clutter touching the document merges with its outline: filling the outlines and opening
            // them with a wide kernel cuts such attachments off at their narrow necks.
            using var filled = new Mat(closed.Size(), MatType.CV_8UC1, Scalar.All(0));
            Cv2.FindContours(closed, out var outlines, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
            Cv2.DrawContours(filled, outlines, -1, Scalar.All(255), -1);
            var k = Math.Max(5, (int)(Math.Min(bgr.Width, bgr.Height) * 0.04)) | 1;
            using var wide = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(k, k));
            Cv2.MorphologyEx(filled, filled, MorphTypes.Open, wide);
            Collect(filled, frameArea, bgr.Size(), candidates);
        }

        using var weak = WeakEdges(bgr, gray);
        var weakMap = new EdgeMap(weak, withNeighbourhood: true);
        // Hull corners sit on a rounded card's arcs and Hough lines are a segment's direction: every candidate's
        // sides are first snapped to the edges they follow, then judged on the same terms: backed by edges all
        // round, large, document-shaped, and with corners that are corners (the sides reach them and stop).
        var reach = Math.Max(4, (int)Math.Round(Math.Min(bgr.Width, bgr.Height) * 0.02));
        // The outline sources (thin, bridged, opened) and the line pairs often yield the very same quad:
        // its evidence is gathered once.
        var evidence = new Dictionary<(QuadKey, bool), Evidence>();
        var contourQuads = candidates.OrderByDescending(c => c.Score).Take(SnappedPerSource)
            .Select(c => Judge(c.Quad, c.Score, weakMap, reach, alreadyBacked: false, evidence)).ToList();
        // Straight-line candidates compete with the outlines: they find documents whose outline never closes
        // (clutter touching it, a pale edge on pale paper, a dark header on a dark table). When the best
        // outline is a document's beyond doubt, the Hough transform (the detector's largest cost) is spared.
        var bestOutline = contourQuads.OrderByDescending(c => c.Score).FirstOrDefault(c => c.Score > 0);
        var lineQuads = bestOutline is not null && IsUnmistakable(bestOutline.Quad, weakMap, frameArea)
            ? []
            : JudgeLineQuads(LineQuads.Find(weak, weakMap, MinCandidateCoverage), weakMap, reach, evidence);
        var scored = contourQuads.Concat(lineQuads).ToList();
        var best = scored.OrderByDescending(c => c.Score).FirstOrDefault(c => c.Score > 0);
        if (best is null)
            return DocumentDetection.None;
        var searched = SideSearch.Run(best.Quad, weakMap, bgr);
        var refined = Refine(searched, new EdgeMap(edges)) ?? Refine(searched, weakMap) ?? searched;
        var ordered = Order(refined);
        var coverage = Math.Abs(Cv2.ContourArea(ordered.Select(p => new Point2f((float)p.X, (float)p.Y)))) / frameArea;
        var detection = new DocumentDetection(true, DocumentShape.Unknown, ordered, Math.Min(1, coverage));
        return detection with { Shape = Classify(detection.LongSide / Math.Max(1e-9, detection.ShortSide)) };
    }

    /// <summary>Shape from the outline's aspect; perspective spreads it, so the bands are generous.</summary>
    public static DocumentShape Classify(double aspect) => aspect switch
    {
        >= 1.30 and < 1.503 => DocumentShape.Passport,
        >= 1.503 and <= 1.75 => DocumentShape.IdCard,
        _ => DocumentShape.Unknown,
    };

    public static double NominalAspect(DocumentShape shape) => shape switch
    {
        DocumentShape.IdCard => IdCardAspect,
        DocumentShape.Passport => PassportAspect,
        _ => double.NaN,
    };

    /// <summary>Grey edges plus colour edges: a blue header on a grey table can have the table's grey level.</summary>
    private static Mat Edges(Mat bgr, Mat gray)
    {
        var edges = new Mat();
        using var blurred = new Mat();
        Cv2.GaussianBlur(gray, blurred, new Size(5, 5), 0);
        Cv2.Canny(blurred, edges, 40, 120);

        AddChannelEdges(bgr, edges, blurSize: 5, low: 50, high: 150);
        return edges;
    }

    /// <summary>
    /// Faint edges too (a dark header on a dark table, a pale card on white paper): the side search
    /// demands long straight runs of them, so speckle does not matter; a soft drop shadow stays below the
    /// threshold. On a grainy surface, though, the grain's own edges come so thick (two pixels in five in a
    /// noisy 12 MP photo of a textured table) that every line across it looks backed; there the threshold
    /// rises with the photo's typical gradient, which a plain surface or a document's flat print keeps near 0.
    /// </summary>
    private static Mat WeakEdges(Mat bgr, Mat gray)
    {
        var edges = new Mat(bgr.Size(), MatType.CV_8UC1, Scalar.All(0));
        var low = Math.Max(WeakEdgeThreshold, GrainThresholdFactor * MedianGradient(gray));
        AddChannelEdges(bgr, edges, blurSize: 3, low: low, high: 3 * low);
        return edges;
    }

    /// <summary>The weak edges' lower Canny threshold on a plain surface (the upper is three times it).</summary>
    private const double WeakEdgeThreshold = 18;

    /// <summary>
    /// The weak threshold in multiples of the median gradient. Tuned on the specimen photos at 4032x3024 with
    /// sensor noise: 1.5 drops the grain without losing a pale card's edge.
    /// </summary>
    private const double GrainThresholdFactor = 1.5;

    /// <summary>The median L1 Sobel gradient (the measure Canny thresholds) of the lightly blurred grey image.</summary>
    private static double MedianGradient(Mat gray)
    {
        using var blurred = new Mat();
        Cv2.GaussianBlur(gray, blurred, new Size(3, 3), 0);
        using var gx = new Mat();
        using var gy = new Mat();
        Cv2.Sobel(blurred, gx, MatType.CV_16S, 1, 0);
        Cv2.Sobel(blurred, gy, MatType.CV_16S, 0, 1);
        using var ax = new Mat();
        using var ay = new Mat();
        Cv2.ConvertScaleAbs(gx, ax);
        Cv2.ConvertScaleAbs(gy, ay);
        using var sum = new Mat();
        // Saturates at 255, far above any threshold this picks.
        Cv2.Add(ax, ay, sum);
        using var hist = new Mat();
        Cv2.CalcHist([sum], [0], null, hist, 1, [256], [new Rangef(0, 256)]);
        var half = sum.Total() / 2.0;
        var seen = 0.0;
        for (var v = 0; v < 256; v++)
        {
            seen += hist.At<float>(v);
            if (seen >= half)
                return v;
        }
        return 255;
    }

    /// <summary>ORs into <paramref name="edges"/> the Canny edges of each colour channel of the blurred image.</summary>
    private static void AddChannelEdges(Mat bgr, Mat edges, int blurSize, double low, double high)
    {
        using var blurred = new Mat();
        Cv2.GaussianBlur(bgr, blurred, new Size(blurSize, blurSize), 0);
        var channels = blurred.Split();
        try
        {
            using var channelEdges = new Mat();
            foreach (var channel in channels)
            {
                Cv2.Canny(channel, channelEdges, low, high);
                Cv2.BitwiseOr(edges, channelEdges, edges);
            }
        }
        finally
        {
            foreach (var channel in channels)
                channel.Dispose();
        }
    }

    private sealed record Candidate(Point2d[] Quad, double Score);

    /// <summary>
    /// The best line-pair quads judged, down the ranking until <see cref="SnappedPerSource"/> of them score (at most
    /// <see cref="MaxLineQuadsJudged"/>): on a tiled floor the grout lines' cells and their blends with the document's
    /// sides outrank its own outline, and score nothing once judged (lattice corners, bare or overshooting ends).
    /// </summary>
    private static List<Candidate> JudgeLineQuads(List<(Point2d[] Quad, double Score)> quads, EdgeMap edges, int reach,
        Dictionary<(QuadKey, bool), Evidence> evidence)
    {
        var judged = new List<Candidate>();
        var scoring = 0;
        foreach (var (quad, prior) in quads.OrderByDescending(q => q.Score))
        {
            if (scoring == SnappedPerSource || judged.Count == MaxLineQuadsJudged)
                break;
            var candidate = Judge(quad, prior, edges, reach, alreadyBacked: true, evidence);
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
    private static Candidate Judge(Point2d[] quad, double prior, EdgeMap edges, int reach, bool alreadyBacked,
        Dictionary<(QuadKey, bool), Evidence> cache)
    {
        var key = (new QuadKey(quad[0], quad[1], quad[2], quad[3]), alreadyBacked);
        if (!cache.TryGetValue(key, out var e))
        {
            var ordered = Order(quad);
            if (SideFit.SnapQuad(ordered, edges, reach) is { } snapped && Cv2.IsContourConvex(snapped.Quad.Select(p => new Point2f((float)p.X, (float)p.Y))))
                ordered = Order(snapped.Quad);
            var backing = alreadyBacked ? 1 : Backing(ordered, edges);
            var (ends, overshoot, lattice) = SideFit.CornerEvidence(ordered, edges);
            cache[key] = e = new Evidence(ordered, lattice ? 0 : backing, ends, overshoot);
        }
        return new Candidate(e.Quad, prior * e.Backing * e.Ends * e.Ends * (1 - 0.5 * e.Overshoot));
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
    private static bool IsUnmistakable(Point2d[] quad, EdgeMap edges, double frameArea)
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

    private static void Collect(Mat binary, double frameArea, Size frame, List<Candidate> candidates)
    {
        Cv2.FindContours(binary, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        foreach (var contour in contours)
        {
            // An outline with a gap (a pale card edge on a pale table) is an open curve of little area,
            // but its hull is still the document: filter on the hull.
            var hull = Cv2.ConvexHull(contour);
            var hullArea = Cv2.ContourArea(hull);
            if (hullArea < MinCandidateCoverage * frameArea * 0.8)
                continue;
            var contourArea = Cv2.ContourArea(contour);
            var perimeter = Cv2.ArcLength(hull, true);
            foreach (var epsilon in (ReadOnlySpan<double>)[0.01, 0.02, 0.03, 0.05, 0.08])
            {
                var approx = Cv2.ApproxPolyDP(hull, epsilon * perimeter, true);
                if (approx.Length < 4)
                    break;
                if (approx.Length != 4)
                    continue;
                var quad = approx.Select(p => new Point2d(p.X, p.Y)).ToArray();
                var score = Score(quad, contourArea, hullArea, frameArea, frame);
                if (score > 0)
                    candidates.Add(new Candidate(quad, score));
                break;
            }
        }
    }

    private static double Score(Point2d[] quad, double contourArea, double hullArea, double frameArea, Size frame)
    {
        var quadArea = Math.Abs(Cv2.ContourArea(quad.Select(p => new Point2f((float)p.X, (float)p.Y))));
        if (quadArea < MinCandidateCoverage * frameArea || quadArea > 0.98 * frameArea)
            return 0;
        if (!Cv2.IsContourConvex(quad.Select(p => new Point((int)Math.Round(p.X), (int)Math.Round(p.Y)))))
            return 0;
        for (var i = 0; i < 4; i++)
        {
            var angle = Angle(quad[(i + 3) % 4], quad[i], quad[(i + 1) % 4]);
            if (angle is < 50 or > 130)
                return 0;
        }

        // The hull must be the quadrilateral, not a blob a quadrilateral happens to cover.
        var fit = Math.Min(hullArea, quadArea) / Math.Max(hullArea, quadArea);
        if (fit < 0.85)
            return 0;
        var fill = Math.Min(1, contourArea / quadArea);

        var ordered = Order(quad);
        var (longSide, shortSide) = QuadGeometry.MeanSides(ordered);
        var off = QuadGeometry.AspectDistance(longSide / Math.Max(1e-9, shortSide));
        var aspectFactor = Math.Exp(-(off / 0.2) * (off / 0.2));

        // A document cut by the frame edge is still found, but an uncut one is preferred.
        var margin = 2.0;
        var touches = quad.Count(p => p.X < margin || p.Y < margin || p.X > frame.Width - 1 - margin || p.Y > frame.Height - 1 - margin);
        var edgeFactor = touches > 0 ? 0.5 : 1.0;

        return quadArea / frameArea * fit * (0.5 + 0.5 * fill) * aspectFactor * edgeFactor;
    }

    private static double Angle(Point2d a, Point2d vertex, Point2d b)
    {
        var ux = a.X - vertex.X;
        var uy = a.Y - vertex.Y;
        var vx = b.X - vertex.X;
        var vy = b.Y - vertex.Y;
        var cos = (ux * vx + uy * vy) / Math.Max(1e-9, Math.Sqrt((ux * ux + uy * uy) * (vx * vx + vy * vy)));
        return Math.Acos(Math.Clamp(cos, -1, 1)) * 180 / Math.PI;
    }

    /// <summary>
    /// Fits a line to the edge pixels along each side (away from the rounded corners) and intersects
    /// neighbouring lines. Null when a side has too little support, so the rough quad stands.
    /// </summary>
    private static Point2d[]? Refine(Point2d[] quad, EdgeMap edges)
    {
        var diagonal = Math.Max(DocumentDetection.Distance(quad[0], quad[2]), DocumentDetection.Distance(quad[1], quad[3]));
        var band = Math.Max(3.0, diagonal * 0.015);
        var lines = new Line2D[4];
        var xs = new List<Point2f>();
        // The offsets across the side, nearest first (the lower one first between equals): the first edge
        // pixel met is the nearest.
        var across = new List<double>();
        for (var t = -band; t <= band; t += 1)
            across.Add(t);
        var nearestFirst = across.Select((t, index) => (t, index)).OrderBy(o => Math.Abs(o.t)).ThenBy(o => o.index).Select(o => o.t).ToArray();
        for (var i = 0; i < 4; i++)
        {
            var a = quad[i];
            var b = quad[(i + 1) % 4];
            var length = DocumentDetection.Distance(a, b);
            var dx = (b.X - a.X) / length;
            var dy = (b.Y - a.Y) / length;
            xs.Clear();

            // Walk the side, looking across it within the band for edge pixels.
            var steps = (int)length;
            for (var s = (int)(length * 0.12); s < steps - (int)(length * 0.12); s++)
            {
                var px = a.X + dx * s;
                var py = a.Y + dy * s;
                foreach (var t in nearestFirst)
                {
                    var x = (int)Math.Round(px - dy * t);
                    var y = (int)Math.Round(py + dx * t);
                    if (edges.IsEdge(x, y))
                    {
                        xs.Add(new Point2f(x, y));
                        break;
                    }
                }
            }
            if (xs.Count < Math.Max(10, length * 0.3))
                return null;
            lines[i] = Cv2.FitLine(xs, DistanceTypes.Huber, 0, 0.01, 0.01);
        }

        var corners = new Point2d[4];
        for (var i = 0; i < 4; i++)
        {
            // Corner i lies between side i-1 (ending at it) and side i (starting at it).
            var (p, q) = (lines[(i + 3) % 4], lines[i]);
            var intersection = QuadGeometry.Intersect(new(p.X1, p.Y1), new(p.Vx, p.Vy), new(q.X1, q.Y1), new(q.Vx, q.Vy));
            if (intersection is null || DocumentDetection.Distance(intersection.Value, quad[i]) > diagonal * 0.08)
                return null;
            corners[i] = intersection.Value;
        }
        return corners;
    }

    /// <summary>
    /// TL, TR, BR, BL of the document: clockwise on screen, starting at the left end of the long side
    /// that is higher in the frame. Valid while the document is turned by less than 45° either way.
    /// </summary>
    public static Point2d[] Order(IReadOnlyList<Point2d> quad)
    {
        // Clockwise on screen (y down) means a positive shoelace sum.
        var points = quad.ToArray();
        double sum = 0;
        for (var i = 0; i < 4; i++)
            sum += points[i].X * points[(i + 1) % 4].Y - points[(i + 1) % 4].X * points[i].Y;
        if (sum < 0)
            Array.Reverse(points);

        var sides01 = DocumentDetection.Distance(points[0], points[1]) + DocumentDetection.Distance(points[2], points[3]);
        var sides12 = DocumentDetection.Distance(points[1], points[2]) + DocumentDetection.Distance(points[3], points[0]);
        // Start of each long side, going clockwise: (0,2) when 0-1 and 2-3 are long, else (1,3).
        var (first, second) = sides01 >= sides12 ? (0, 2) : (1, 3);
        double MidY(int start) => (points[start].Y + points[(start + 1) % 4].Y) / 2;
        var top = MidY(first) <= MidY(second) ? first : second;
        return [points[top], points[(top + 1) % 4], points[(top + 2) % 4], points[(top + 3) % 4]];
    }
}

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
    internal const double MinCandidateCoverage = 0.03;

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

    // The steps: edges (DetectorEdges), outline candidates (OutlineCandidates), line candidates (LineQuads), judging
    // (CandidateJudge), then the winner's sides searched outward (SideSearch) and fitted to their edge pixels (Refine).
    private static DocumentDetection DetectAtWorkingSize(Mat bgr)
    {
        var frameArea = (double)bgr.Width * bgr.Height;
        using var gray = new Mat();
        Cv2.CvtColor(bgr, gray, ColorConversionCodes.BGR2GRAY);
        using var edges = DetectorEdges.Strong(bgr, gray);
        var outlines = OutlineCandidates.Find(edges, bgr.Size());

        using var weak = DetectorEdges.Weak(bgr, gray);
        var weakMap = new EdgeMap(weak, withNeighbourhood: true);
        var judge = new CandidateJudge(weakMap, bgr.Size());
        var contourQuads = judge.JudgeOutlines(outlines);
        // Straight-line candidates compete with the outlines: they find documents whose outline never closes
        // (clutter touching it, a pale edge on pale paper, a dark header on a dark table). When the best
        // outline is a document's beyond doubt, the Hough transform (the detector's largest cost) is spared.
        var bestOutline = contourQuads.OrderByDescending(c => c.Score).FirstOrDefault(c => c.Score > 0);
        var lineQuads = bestOutline is not null && CandidateJudge.IsUnmistakable(bestOutline.Quad, weakMap, frameArea)
            ? []
            : judge.JudgeLineQuads(LineQuads.Find(weak, weakMap, MinCandidateCoverage));
        var best = contourQuads.Concat(lineQuads).OrderByDescending(c => c.Score).FirstOrDefault(c => c.Score > 0);
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

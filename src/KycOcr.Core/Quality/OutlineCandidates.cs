using OpenCvSharp;

namespace KycOcr.Core.Quality;

/// <summary>
/// The detector's outline candidates: the quadrilaterals that closed outlines in the strong edges approximate,
/// scored on size, fit, fill, a document's aspect and whether the frame cuts them.
/// </summary>
internal static class OutlineCandidates
{
    /// <summary>Candidates from the outlines as found, with wider gaps bridged, and with clutter cut off at its necks.</summary>
    public static List<QuadCandidate> Find(Mat edges, Size frame)
    {
        var frameArea = (double)frame.Width * frame.Height;
        var candidates = new List<QuadCandidate>();
        using var closed = new Mat();
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3));
        Cv2.Dilate(edges, closed, kernel);
        Collect(closed, frameArea, frame, candidates);
        using (var bridged = new Mat())
        {
            // Wider gaps closed too, at the price of merging more clutter.
            using var bigger = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(7, 7));
            Cv2.Dilate(edges, bridged, bigger);
            Collect(bridged, frameArea, frame, candidates);
        }

        // Clutter touching the document merges with its outline: filling the outlines and opening
        // them with a wide kernel cuts such attachments off at their narrow necks.
        using var filled = new Mat(closed.Size(), MatType.CV_8UC1, Scalar.All(0));
        Cv2.FindContours(closed, out var outlines, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        Cv2.DrawContours(filled, outlines, -1, Scalar.All(255), -1);
        var k = Math.Max(5, (int)(Math.Min(frame.Width, frame.Height) * 0.04)) | 1;
        using var wide = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(k, k));
        Cv2.MorphologyEx(filled, filled, MorphTypes.Open, wide);
        Collect(filled, frameArea, frame, candidates);
        return candidates;
    }

    private static void Collect(Mat binary, double frameArea, Size frame, List<QuadCandidate> candidates)
    {
        Cv2.FindContours(binary, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        foreach (var contour in contours)
        {
            // An outline with a gap (a pale card edge on a pale table) is an open curve of little area,
            // but its hull is still the document: filter on the hull.
            var hull = Cv2.ConvexHull(contour);
            var hullArea = Cv2.ContourArea(hull);
            if (hullArea < DocumentDetector.MinCandidateCoverage * frameArea * 0.8)
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
                    candidates.Add(new QuadCandidate(quad, score));
                break;
            }
        }
    }

    private static double Score(Point2d[] quad, double contourArea, double hullArea, double frameArea, Size frame)
    {
        var quadArea = Math.Abs(Cv2.ContourArea(quad.Select(p => new Point2f((float)p.X, (float)p.Y))));
        if (quadArea < DocumentDetector.MinCandidateCoverage * frameArea || quadArea > 0.98 * frameArea)
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

        var ordered = DocumentDetector.Order(quad);
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
}

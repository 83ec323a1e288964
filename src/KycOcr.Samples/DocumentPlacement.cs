using OpenCvSharp;

namespace KycOcr.Samples;

/// <summary>
/// Where the document lands in the frame: its four corners (document TL, TR, BR, BL, in frame
/// pixel coordinates with pixel centres at integers), after scale, rotation, keystone and shift.
/// </summary>
internal sealed record DocumentPlacement(Point2d[] Corners, double RotationDegrees, double Coverage)
{
    private const double FrameMargin = 0.03;

    /// <param name="rotationDegrees">Counter-clockwise as seen in the image.</param>
    /// <param name="keystone">Largest random corner displacement, as a fraction of the document's short side.</param>
    public static DocumentPlacement Compute(Size frame, DocumentLayout layout, double coverage, double rotationDegrees, double keystone, Random rng)
    {
        double area = coverage * frame.Width * frame.Height;
        double docW = Math.Sqrt(area * layout.Aspect);
        double docH = docW / layout.Aspect;

        double theta = rotationDegrees * Math.PI / 180;
        double cos = Math.Cos(theta);
        double sin = Math.Sin(theta);
        double shortSide = Math.Min(docW, docH);
        (double X, double Y)[] unit = [(-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5)];
        var offsets = new Point2d[4];
        for (int i = 0; i < 4; i++)
        {
            double x = unit[i].X * docW;
            double y = unit[i].Y * docH;
            offsets[i] = new Point2d(
                x * cos + y * sin + rng.Uniform(-1, 1) * keystone * shortSide,
                -x * sin + y * cos + rng.Uniform(-1, 1) * keystone * shortSide);
        }

        // Shrink if the rotated, keystoned document would leave the frame.
        double maxW = frame.Width * (1 - 2 * FrameMargin);
        double maxH = frame.Height * (1 - 2 * FrameMargin);
        double boxW = offsets.Max(p => p.X) - offsets.Min(p => p.X);
        double boxH = offsets.Max(p => p.Y) - offsets.Min(p => p.Y);
        double fit = Math.Min(1.0, Math.Min(maxW / boxW, maxH / boxH));
        for (int i = 0; i < 4; i++)
        {
            offsets[i] = new Point2d(offsets[i].X * fit, offsets[i].Y * fit);
        }

        // Off-centre by a random share of the room left over, as hand-held photos are.
        double minX = offsets.Min(p => p.X), maxX = offsets.Max(p => p.X);
        double minY = offsets.Min(p => p.Y), maxY = offsets.Max(p => p.Y);
        double left = frame.Width * FrameMargin - minX;
        double right = frame.Width * (1 - FrameMargin) - maxX;
        double top = frame.Height * FrameMargin - minY;
        double bottom = frame.Height * (1 - FrameMargin) - maxY;
        double cx = (left + right) / 2 + rng.Uniform(-0.4, 0.4) * (right - left);
        double cy = (top + bottom) / 2 + rng.Uniform(-0.4, 0.4) * (bottom - top);

        var corners = offsets.Select(p => new Point2d(cx + p.X - 0.5, cy + p.Y - 0.5)).ToArray();
        double covered = QuadArea(corners) / (frame.Width * (double)frame.Height);
        return new DocumentPlacement(corners, rotationDegrees, covered);
    }

    /// <summary>Frame pixels per document millimetre, for choosing the render resolution.</summary>
    public double PixelsPerMm(DocumentLayout layout, Size frame) =>
        Math.Sqrt(Coverage * frame.Width * frame.Height / (layout.WidthMm * layout.HeightMm));

    internal static double QuadArea(IReadOnlyList<Point2d> q)
    {
        double sum = 0;
        for (int i = 0; i < q.Count; i++)
        {
            var a = q[i];
            var b = q[(i + 1) % q.Count];
            sum += a.X * b.Y - b.X * a.Y;
        }

        return Math.Abs(sum) / 2;
    }
}

using OpenCvSharp;

namespace KycOcr.Samples;

/// <summary>Paints the surface the document lies on, at frame size (BGR).</summary>
internal static class BackgroundPainter
{
    // Table and cloth colours (BGR): dark and light wood, grey desk, slate, green felt, beige, near-white.
    private static readonly Scalar[] _surfaces =
    [
        new(38, 68, 110), new(118, 165, 205), new(125, 125, 122), new(72, 62, 52),
        new(58, 108, 62), new(178, 196, 212), new(214, 216, 218), new(40, 40, 44),
    ];

    private const double ShadeScale = 128.0;

    public static Mat Paint(Size frame, BackgroundKind kind, int seed)
    {
        var rng = SeedStreams.Create(seed, "background");
        var cvRng = new RNG(SeedStreams.State(seed, "background-noise"));
        var colour = rng.Pick(_surfaces);

        // The brightness field carries all texture and is built at half size: it is smooth or
        // fine-grained noise that survives a linear upscale, and 12 MP float work is slow.
        var half = new Size(Math.Max(2, (frame.Width + 1) / 2), Math.Max(2, (frame.Height + 1) / 2));
        using var shade = SmoothField(half, rng, 4, 3, 0.07);
        if (kind is BackgroundKind.NoisyTexture or BackgroundKind.Busy)
        {
            AddTexture(shade, half, rng, ref cvRng);
        }

        using var shade8 = new Mat();
        shade.ConvertTo(shade8, MatType.CV_8UC1, ShadeScale);
        using var shade3 = new Mat();
        Cv2.CvtColor(shade8, shade3, ColorConversionCodes.GRAY2BGR);
        using var halfScene = new Mat(half, MatType.CV_8UC3, colour);
        Cv2.Multiply(halfScene, shade3, halfScene, 1.0 / ShadeScale);

        // Fresh full-frame buffers are costly on these machines: the scene is the only one made here.
        var scene = new Mat();
        try
        {
            Cv2.Resize(halfScene, scene, frame, 0, 0, InterpolationFlags.Linear);
            switch (kind)
            {
                case BackgroundKind.Busy:
                    DrawClutter(scene, rng);
                    break;
                case BackgroundKind.Tiles:
                    DrawTiles(scene, rng, colour);
                    break;
                case BackgroundKind.Stripes:
                    DrawStripes(scene, rng, colour);
                    break;
            }

            return scene;
        }
        catch
        {
            scene.Dispose();
            throw;
        }
    }

    /// <summary>A float field 1 ± amplitude that varies smoothly over a few cells of the frame.</summary>
    internal static Mat SmoothField(Size size, Random rng, int cellsX, int cellsY, double amplitude)
    {
        using var cells = new Mat(cellsY, cellsX, MatType.CV_32FC1);
        for (int y = 0; y < cellsY; y++)
        {
            for (int x = 0; x < cellsX; x++)
            {
                cells.Set(y, x, (float)(1.0 + rng.Uniform(-amplitude, amplitude)));
            }
        }

        // Cubic to a coarse grid, then linear: a direct cubic upscale by ~1000× is needlessly slow.
        using var coarse = new Mat();
        Cv2.Resize(cells, coarse, new Size(Math.Min(size.Width, 64), Math.Min(size.Height, 48)), 0, 0, InterpolationFlags.Cubic);
        var field = new Mat();
        Cv2.Resize(coarse, field, size, 0, 0, InterpolationFlags.Linear);
        return field;
    }

    private static void AddTexture(Mat shade, Size size, Random rng, ref RNG cvRng)
    {
        using var noise = new Mat();
        if (rng.NextDouble() < 0.5)
        {
            // Wood grain: noise stretched along x gives long streaks.
            using var small = new Mat(Math.Max(2, size.Height / 3), 6, MatType.CV_32FC1);
            cvRng.Fill(small, DistributionType.Uniform, InputArray.Create(-0.14), InputArray.Create(0.14));
            Cv2.Resize(small, noise, size, 0, 0, InterpolationFlags.Cubic);
        }
        else
        {
            // Speckle: fine grain, blurred a little so it looks like a surface, not sensor noise.
            var smallSize = new Size(Math.Max(2, size.Width * 2 / 3), Math.Max(2, size.Height * 2 / 3));
            using var small = new Mat(smallSize, MatType.CV_32FC1);
            cvRng.Fill(small, DistributionType.Uniform, InputArray.Create(-0.16), InputArray.Create(0.16));
            Cv2.GaussianBlur(small, small, new Size(0, 0), 0.8);
            Cv2.Resize(small, noise, size, 0, 0, InterpolationFlags.Linear);
        }

        Cv2.Add(shade, noise, shade);
    }

    private static void DrawClutter(Mat scene, Random rng)
    {
        int w = scene.Cols;
        int h = scene.Rows;
        double unit = Math.Min(w, h);
        int count = 35 + rng.Next(30);
        for (int i = 0; i < count; i++)
        {
            var colour = new Scalar(rng.Next(256), rng.Next(256), rng.Next(256));
            var centre = new Point(rng.Next(w), rng.Next(h));
            int thickness = Math.Max(1, (int)(unit * rng.Uniform(0.002, 0.012)));
            switch (rng.Next(7))
            {
                case 0:
                    Cv2.FillConvexPoly(scene, RotatedBox(centre, unit * rng.Uniform(0.05, 0.3), unit * rng.Uniform(0.03, 0.2), rng.Uniform(0, 180)), colour, LineTypes.AntiAlias);
                    break;
                case 1:
                    Cv2.Circle(scene, centre, (int)(unit * rng.Uniform(0.02, 0.15)), colour, rng.NextDouble() < 0.5 ? -1 : thickness, LineTypes.AntiAlias);
                    break;
                case 2:
                    Cv2.Ellipse(scene, centre, new Size(unit * rng.Uniform(0.03, 0.2), unit * rng.Uniform(0.02, 0.1)), rng.Uniform(0, 180), 0, 360, colour, -1, LineTypes.AntiAlias);
                    break;
                case 3:
                    // Long straight edges are what trips document detectors.
                    Cv2.Line(scene, new Point(rng.Next(w), rng.Next(h)), new Point(rng.Next(w), rng.Next(h)), colour, thickness, LineTypes.AntiAlias);
                    break;
                case 4:
                {
                    var walk = new Point[12];
                    walk[0] = centre;
                    for (int k = 1; k < walk.Length; k++)
                    {
                        walk[k] = new Point(walk[k - 1].X + (int)(unit * rng.Uniform(-0.06, 0.06)), walk[k - 1].Y + (int)(unit * rng.Uniform(-0.06, 0.06)));
                    }

                    Cv2.Polylines(scene, [walk], false, colour, thickness, LineTypes.AntiAlias);
                    break;
                }

                case 5:
                {
                    // A sheet of paper: near-white rectangle.
                    byte paper = (byte)rng.Next(215, 250);
                    Cv2.FillConvexPoly(scene, RotatedBox(centre, unit * rng.Uniform(0.2, 0.45), unit * rng.Uniform(0.25, 0.55), rng.Uniform(0, 180)), new Scalar(paper, paper, paper + 3), LineTypes.AntiAlias);
                    break;
                }

                default:
                {
                    // Random letters in a stroke font: text-like clutter that is no real text.
                    var letters = new char[rng.Next(4, 12)];
                    for (int k = 0; k < letters.Length; k++)
                    {
                        letters[k] = (char)('A' + rng.Next(26));
                    }

                    Cv2.PutText(scene, new string(letters), centre, HersheyFonts.HersheySimplex, unit * rng.Uniform(0.001, 0.004), colour, thickness, LineTypes.AntiAlias);
                    break;
                }
            }
        }
    }

    // Straight, long, regular edges over the whole frame: what a detector that looks for a quadrilateral must not take
    // for a document, nor let pull a document's side out to it.
    private static void DrawTiles(Mat scene, Random rng, Scalar colour)
    {
        double unit = Math.Min(scene.Cols, scene.Rows);
        double side = unit * rng.Uniform(0.12, 0.28);
        int grout = Math.Max(2, (int)Math.Round(unit * rng.Uniform(0.004, 0.009)));
        var grid = new Grid(scene.Size(), rng.Uniform(-25, 25), side, rng.Uniform(0, side), rng.Uniform(0, side));
        foreach (var tile in grid.Cells(side))
        {
            // Each tile a little lighter or darker than the next, as glazes and wear make them.
            double gain = rng.Uniform(0.9, 1.1);
            var box = Cv2.BoundingRect(tile) & new Rect(0, 0, scene.Cols, scene.Rows);
            if (box.Width <= 0 || box.Height <= 0)
            {
                continue;
            }

            using var mask = new Mat(box.Size, MatType.CV_8UC1, Scalar.All(0));
            Cv2.FillConvexPoly(mask, tile.Select(p => new Point(p.X - box.X, p.Y - box.Y)).ToArray(), Scalar.All(255));
            using var region = new Mat(scene, box);
            using var shaded = new Mat();
            region.ConvertTo(shaded, -1, gain);
            shaded.CopyTo(region, mask);
        }

        // Light grout between dark tiles, grey grout between light ones.
        bool lightTiles = (colour.Val0 + colour.Val1 + colour.Val2) / 3 > 140;
        int grey = lightTiles ? rng.Next(70, 120) : rng.Next(200, 246);
        var groutColour = new Scalar(grey - rng.Next(0, 12), grey, grey + rng.Next(0, 6));
        foreach (var (from, to) in grid.Lines())
        {
            Cv2.Line(scene, from, to, groutColour, grout, LineTypes.AntiAlias);
        }
    }

    private static void DrawStripes(Mat scene, Random rng, Scalar colour)
    {
        double unit = Math.Min(scene.Cols, scene.Rows);
        double width = unit * rng.Uniform(0.03, 0.12);
        // The second colour far from the first: a white, red or dark band on the table's colour.
        Scalar[] seconds = [new(236, 238, 240), new(40, 40, 170), new(120, 60, 30), new(30, 30, 34)];
        var second = rng.Pick(seconds);
        var grid = new Grid(scene.Size(), rng.Uniform(-40, 40), width, rng.Uniform(0, 2 * width), 0);
        foreach (var band in grid.Bands(2 * width))
        {
            Cv2.FillConvexPoly(scene, band, second, LineTypes.AntiAlias);
        }
    }

    /// <summary>Lines at an angle across a frame, a fixed spacing apart (and, for tiles, the lines across them).</summary>
    private sealed record Grid(Size Frame, double AngleDegrees, double Spacing, double OffsetAlong, double OffsetAcross)
    {
        private double Reach => Math.Sqrt(Frame.Width * (double)Frame.Width + Frame.Height * (double)Frame.Height);

        private Point At(double u, double v)
        {
            double radians = AngleDegrees * Math.PI / 180;
            double cx = Frame.Width / 2.0, cy = Frame.Height / 2.0;
            return new Point((int)Math.Round(cx + u * Math.Cos(radians) - v * Math.Sin(radians)), (int)Math.Round(cy + u * Math.Sin(radians) + v * Math.Cos(radians)));
        }

        private IEnumerable<double> Steps(double offset, double spacing)
        {
            for (double t = -Reach / 2 + offset % spacing; t <= Reach / 2; t += spacing)
            {
                yield return t;
            }
        }

        public IEnumerable<(Point From, Point To)> Lines()
        {
            foreach (var v in Steps(OffsetAcross, Spacing))
            {
                yield return (At(-Reach / 2, v), At(Reach / 2, v));
            }

            foreach (var u in Steps(OffsetAlong, Spacing))
            {
                yield return (At(u, -Reach / 2), At(u, Reach / 2));
            }
        }

        public IEnumerable<Point[]> Cells(double side)
        {
            foreach (var u in Steps(OffsetAlong, side))
            {
                foreach (var v in Steps(OffsetAcross, side))
                {
                    yield return [At(u, v), At(u + side, v), At(u + side, v + side), At(u, v + side)];
                }
            }
        }

        /// <summary>Bands half of <paramref name="period"/> wide, one per period, across the whole frame.</summary>
        public IEnumerable<Point[]> Bands(double period)
        {
            foreach (var v in Steps(OffsetAlong, period))
            {
                yield return [At(-Reach / 2, v), At(Reach / 2, v), At(Reach / 2, v + period / 2), At(-Reach / 2, v + period / 2)];
            }
        }
    }

    private static Point[] RotatedBox(Point centre, double width, double height, double angleDegrees)
    {
        var box = new RotatedRect(new Point2f(centre.X, centre.Y), new Size2f(width, height), (float)angleDegrees);
        return box.Points().Select(p => new Point((int)Math.Round(p.X), (int)Math.Round(p.Y))).ToArray();
    }
}

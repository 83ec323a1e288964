using OpenCvSharp;

namespace KycOcr.Core.Mrz.Reading;

/// <summary>
/// Finds the lines of printed text in a grey image of any size, and among them the candidate MRZ bands: two or
/// three long, parallel text lines of like length and thickness, one under the other at a text line's spacing.
/// Nothing assumes where the document lies in the frame or how large it is: the search runs on a pyramid whose
/// levels put every text size from web images to 12 MP photos within the kernels' range.
/// </summary>
internal static class MrzBandFinder
{
    /// <summary>A level's long side stays within these (smaller images are upscaled once, larger ones halved).</summary>
    private const int MaxLevelSide = 2048;

    private const int MinLevelSide = 300;

    /// <summary>Images whose long side is below this get a level at twice their size: their text is only a few pixels tall.</summary>
    private const int UpscaleBelow = 800;

    /// <summary>Dark strokes narrower than this (level pixels) stand out of the black-hat.</summary>
    private const int BlackHatSide = 15;

    /// <summary>
    /// Horizontal gaps up to this wide (level pixels) are closed, joining a line's glyphs into one blob. A row through
    /// a run of fillers ('&lt;&lt;&lt;') meets ink once a pitch, so this spans the largest pitch a level reads (about 22 px;
    /// each level covers pitches of 9–22 px, and the next level half as many original pixels).
    /// </summary>
    private const int SmearWidth = 27;

    /// <summary>A text line at a level is this thick (level pixels); thinner or thicker blobs belong to another level.</summary>
    private const double MinThickness = 6.5, MaxThickness = 30;

    /// <summary>An MRZ line holds 30 to 44 glyphs about as tall as their pitch: far longer than thick.</summary>
    private const double MinMrzElongation = 14;

    /// <summary>Longer still for its thickness, a line is small print (a paragraph), not an MRZ.</summary>
    private const double MaxMrzElongation = 60;

    /// <summary>Lines are sought within this angle of the image's horizontal; the caller also tries the image turned 90°.</summary>
    private const double MaxAngleDegrees = 25;

    /// <summary>The text lines and candidate MRZ bands of <paramref name="gray"/>, in its pixels, best candidates first.</summary>
    /// <param name="spansWidth">
    /// The image is a straightened document, whose MRZ spans most of its width: one level, where 30 to 44 glyphs across
    /// that width fall in the kernels' range, is enough.
    /// </param>
    public static MrzBandSearch Find(Mat gray, bool spansWidth = false)
    {
        var levels = ByLevel(gray, spansWidth).ToList();
        return new MrzBandSearch([.. levels.SelectMany(l => l.Lines)], Ranked(levels.SelectMany(l => l.Bands).ToList()));
    }

    /// <summary>
    /// The search one level at a time, coarsest first: a caller that reads each level's bands can stop at the first
    /// valid zone, before the finest (and costliest) levels. Bands are formed within a level: the same line seen at
    /// two levels must not pair with itself.
    /// </summary>
    public static IEnumerable<MrzBandSearch> ByLevel(Mat gray, bool spansWidth = false)
    {
        var scales = spansWidth ? [SpanningLevelWidth / gray.Cols] : LevelScales(Math.Max(gray.Cols, gray.Rows)).Reverse();
        foreach (var scale in scales)
        {
            List<MrzTextLine> found;
            using (var level = Level(gray, scale))
            {
                found = LinesOf(level).Select(l => l.Scaled(1 / scale)).ToList();
            }

            yield return new MrzBandSearch(found, Ranked(Bands(found)));
        }
    }

    // Read first: lines as elongated as 30 to 44 glyphs make, then the longest (an MRZ spans its page), a triple
    // before its own pairs.
    private static List<MrzBand> Ranked(List<MrzBand> bands) => Distinct(bands)
        .OrderByDescending(b => b.Lines.All(l => l.Length / l.Thickness is >= MinMrzElongation and <= MaxMrzElongation))
        .ThenByDescending(b => Math.Round(Math.Log(b.Lines.Average(l => l.Length)) * 20))
        .ThenByDescending(b => b.Lines.Count)
        .ToList();

    /// <summary>
    /// Width of the one level a straightened document is searched at: an MRZ across 88 % of it then has a pitch of
    /// 11.5 (44 glyphs) to 17 px (30), mid-range for the kernels.
    /// </summary>
    private const double SpanningLevelWidth = 576;

    internal static IEnumerable<double> LevelScales(int longSide)
    {
        double scale = longSide < UpscaleBelow ? 2 : longSide > MaxLevelSide ? (double)MaxLevelSide / longSide : 1;
        for (; longSide * scale >= MinLevelSide || scale > 1; scale /= 2)
        {
            yield return scale;
        }
    }

    private static Mat Level(Mat gray, double scale)
    {
        var level = new Mat();
        if (Math.Abs(scale - 1) < 1e-9)
        {
            gray.CopyTo(level);
        }
        else
        {
            Cv2.Resize(gray, level, new Size(0, 0), scale, scale, scale < 1 ? InterpolationFlags.Area : InterpolationFlags.Cubic);
        }

        return level;
    }

    /// <summary>Text ink: dark strokes picked out by a black-hat, thresholded (white on black, CV_8UC1).</summary>
    public static Mat Ink(Mat gray, int blackHatSide)
    {
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(blackHatSide, blackHatSide));
        using var blackhat = new Mat();
        Cv2.MorphologyEx(gray, blackhat, MorphTypes.BlackHat, kernel);
        var ink = new Mat();
        double otsu = Cv2.Threshold(blackhat, ink, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
        // On a page with little print Otsu splits paper grain; ink is at least this much darker than its surroundings.
        if (otsu < MinInkContrast)
        {
            Cv2.Threshold(blackhat, ink, MinInkContrast, 255, ThresholdTypes.Binary);
        }

        return ink;
    }

    private const double MinInkContrast = 24;

    private static List<MrzTextLine> LinesOf(Mat level)
    {
        using var ink = Ink(level, BlackHatSide);
        RemoveRules(ink);
        var glyphs = GlyphLike(ink);
        using var smeared = new Mat();
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(SmearWidth, 1));
        Cv2.MorphologyEx(ink, smeared, MorphTypes.Close, kernel);
        // Outer boundaries at every depth: a card's printed border is a ring that holds all its text.
        Cv2.FindContours(smeared, out var contours, out var hierarchy, RetrievalModes.CComp, ContourApproximationModes.ApproxSimple);

        smeared.GetArray(out byte[] mask);
        var lines = new List<MrzTextLine>();
        for (int c = 0; c < contours.Length; c++)
        {
            var contour = contours[c];
            if (hierarchy[c].Parent >= 0 || contour.Length < 4)
            {
                continue;
            }

            var m = Cv2.Moments(contour);
            if (m.M00 < 20)
            {
                continue;
            }

            double mu20 = m.Mu20 / m.M00, mu02 = m.Mu02 / m.M00, mu11 = m.Mu11 / m.M00;
            double angle = 0.5 * Math.Atan2(2 * mu11, mu20 - mu02);
            if (Math.Abs(angle * 180 / Math.PI) > MaxAngleDegrees)
            {
                continue;
            }

            // The ends come from the outline, not the moments: a run of thin fillers weighs little, and the
            // moments would put a line's centre and length short of its filler end.
            var centroid = new Point2d(m.M10 / m.M00, m.M01 / m.M00);
            var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
            double first = double.MaxValue, last = double.MinValue;
            foreach (var point in contour)
            {
                double along = (point.X - centroid.X) * cos + (point.Y - centroid.Y) * sin;
                first = Math.Min(first, along);
                last = Math.Max(last, along);
            }

            if (CrossSections(mask, level.Cols, level.Rows, centroid, angle, first, last) is { } line)
            {
                lines.Add(line with { Glyphs = glyphs.Count(g => line.HoldsGlyph(g)) });
            }
        }

        return lines;
    }

    /// <summary>
    /// The ink's separate marks, as boxes: a line of print is a row of them about its height; a streak of wood grain
    /// or brushed metal smears into a line too, but as one long mark.
    /// </summary>
    private static List<Rect> GlyphLike(Mat ink)
    {
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        int count = Cv2.ConnectedComponentsWithStats(ink, labels, stats, centroids, PixelConnectivity.Connectivity8);
        var marks = new List<Rect>(count);
        for (int i = 1; i < count; i++)
        {
            var box = new Rect(stats.At<int>(i, 0), stats.At<int>(i, 1), stats.At<int>(i, 2), stats.At<int>(i, 3));
            if (box.Height >= MinThickness / 2 && box.Height <= MaxThickness * 1.5)
            {
                marks.Add(box);
            }
        }

        return marks;
    }

    /// <summary>
    /// The line measured by its cross-sections: at steps along the blob's axis, the run of ink across it nearest the
    /// axis. Their median is the thickness and a fit through their middles the centre line, so a stamp or a
    /// neighbour's stroke joined to a few columns of the line moves neither. Null when the blob is not a line.
    /// </summary>
    private static MrzTextLine? CrossSections(byte[] mask, int width, int height, Point2d centroid, double angle, double first, double last)
    {
        double length = last - first;
        if (length < 3 * MinThickness)
        {
            return null;
        }

        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        bool Ink(double along, double across)
        {
            int x = (int)Math.Round(centroid.X + along * cos - across * sin);
            int y = (int)Math.Round(centroid.Y + along * sin + across * cos);
            return x >= 0 && y >= 0 && x < width && y < height && mask[y * width + x] != 0;
        }

        var sections = new List<(double Along, double Middle, double Thickness)>();
        int reach = (int)(MaxThickness * 1.5);
        int samples = 0;
        for (double along = first + 1; along < last - 1; along += 2)
        {
            samples++;
            // The inked offset nearest the axis, then the run through it.
            int hit = int.MinValue;
            for (int d = 0; d <= reach && hit == int.MinValue; d++)
            {
                if (Ink(along, d))
                {
                    hit = d;
                }
                else if (Ink(along, -d))
                {
                    hit = -d;
                }
            }

            if (hit == int.MinValue)
            {
                continue;
            }

            int top = hit, bottom = hit;
            while (top - 1 >= -2 * reach && Ink(along, top - 1))
            {
                top--;
            }

            while (bottom + 1 <= 2 * reach && Ink(along, bottom + 1))
            {
                bottom++;
            }

            sections.Add((along, (top + bottom) / 2.0, bottom - top + 1));
        }

        // A line of glyphs, smeared, is inked along nearly all its length.
        if (sections.Count < 3 || sections.Count < 0.8 * samples)
        {
            return null;
        }

        double thickness = MrzLineGeometry.Median(sections.Select(s => s.Thickness));
        if (thickness < MinThickness || thickness > MaxThickness || length < 3 * thickness)
        {
            return null;
        }

        // Centre line: least squares through the middles of the sections of about the line's thickness.
        var kept = sections.Where(s => s.Thickness <= 1.3 * thickness).ToList();
        if (kept.Count < 3)
        {
            return null;
        }

        double n = kept.Count, sa = kept.Sum(s => s.Along), sm = kept.Sum(s => s.Middle);
        double saa = kept.Sum(s => s.Along * s.Along), sam = kept.Sum(s => s.Along * s.Middle);
        double denominator = n * saa - sa * sa;
        double slope = denominator > 0 ? (n * sam - sa * sm) / denominator : 0;
        double offset = (sm - slope * sa) / n;
        double mid = (first + last) / 2;
        double across = offset + slope * mid;
        var centre = new Point2d(centroid.X + mid * cos - across * sin, centroid.Y + mid * sin + across * cos);
        double degrees = (angle + Math.Atan(slope)) * 180 / Math.PI;
        return new MrzTextLine(centre, degrees, length, thickness);
    }

    /// <summary>A straight stroke this long (level pixels) is a rule or a card's edge, not part of a glyph.</summary>
    private const int RuleLength = 41;

    // Borders and rules touch the text they frame; smeared together they would make one blob of a card's back.
    private static void RemoveRules(Mat ink)
    {
        foreach (var size in new[] { new Size(1, RuleLength), new Size(RuleLength, 1) })
        {
            using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, size);
            using var rules = new Mat();
            Cv2.MorphologyEx(ink, rules, MorphTypes.Open, kernel);
            Cv2.Subtract(ink, rules, ink);
        }
    }

    // Every pair and triple of long lines that could be an MRZ: parallel, alike, stacked at a line's spacing.
    private static List<MrzBand> Bands(List<MrzTextLine> lines)
    {
        var mrzLike = lines.Where(l => l.Length >= MinMrzElongation * l.Thickness).ToList();
        var bands = new List<MrzBand>();
        for (int i = 0; i < mrzLike.Count; i++)
        {
            for (int j = 0; j < mrzLike.Count; j++)
            {
                if (i == j || !Stacked(mrzLike[i], mrzLike[j]))
                {
                    continue;
                }

                var pair = new MrzBand([mrzLike[i], mrzLike[j]]);
                for (int k = 0; k < mrzLike.Count; k++)
                {
                    if (k != i && k != j && Stacked(mrzLike[j], mrzLike[k]) && Alike(mrzLike[i], mrzLike[k]))
                    {
                        bands.Add(new MrzBand([mrzLike[i], mrzLike[j], mrzLike[k]]));
                    }
                }

                // A pair inside a triple is still tried: a third line may be printed text that happens to line up.
                bands.Add(pair);
            }
        }

        return bands;
    }

    /// <summary><paramref name="lower"/> lies one text line below <paramref name="upper"/>, parallel and alike.</summary>
    private static bool Stacked(MrzTextLine upper, MrzTextLine lower)
    {
        if (!Alike(upper, lower))
        {
            return false;
        }

        double radians = upper.AngleDegrees * Math.PI / 180;
        double dx = lower.Centre.X - upper.Centre.X, dy = lower.Centre.Y - upper.Centre.Y;
        double along = dx * Math.Cos(radians) + dy * Math.Sin(radians);
        double across = -dx * Math.Sin(radians) + dy * Math.Cos(radians);
        double thickness = (upper.Thickness + lower.Thickness) / 2;
        return across > 1.1 * thickness && across < 3.2 * thickness && Math.Abs(along) < 0.12 * Math.Max(upper.Length, lower.Length);
    }

    private static bool Alike(MrzTextLine a, MrzTextLine b) =>
        Math.Abs(a.AngleDegrees - b.AngleDegrees) < 4
        && Math.Min(a.Length, b.Length) > 0.82 * Math.Max(a.Length, b.Length)
        && Math.Min(a.Thickness, b.Thickness) > 0.55 * Math.Max(a.Thickness, b.Thickness);

    // The same band seen at two levels: keep the sighting whose line thickness suits the reader best (the first is fine).
    private static List<MrzBand> Distinct(List<MrzBand> bands)
    {
        var kept = new List<MrzBand>();
        foreach (var band in bands.OrderByDescending(b => b.Lines.Count).ThenByDescending(b => b.Lines.Average(l => l.Length / l.Thickness)))
        {
            if (!kept.Any(k => k.SameAs(band)))
            {
                kept.Add(band);
            }
        }

        return kept;
    }
}

/// <summary>A line of text: its centre, principal-axis angle (degrees, y down), length and thickness, in image pixels.</summary>
internal sealed record MrzTextLine(Point2d Centre, double AngleDegrees, double Length, double Thickness)
{
    /// <summary>Separate marks about as tall as the line and no wider than a few glyphs, centred on it.</summary>
    public int Glyphs { get; init; }

    /// <summary>Holds separate marks in step with its length: print, not a streak of texture.</summary>
    public bool IsPrint => Glyphs >= MinGlyphsPerThickness * Length / Thickness;

    /// <summary>
    /// OCR-B's pitch is about 0.7 of its height, so a line of L/T thicknesses holds some 1.4 L/T glyphs; spaces,
    /// glyphs that touch and marks lost to the threshold leave fewer, but not this few.
    /// </summary>
    private const double MinGlyphsPerThickness = 0.35;

    public MrzTextLine Scaled(double factor) =>
        new(new Point2d(Centre.X * factor, Centre.Y * factor), AngleDegrees, Length * factor, Thickness * factor) { Glyphs = Glyphs };

    /// <summary>A mark (in the line's pixels) about the line's height, at most two of its thicknesses wide, centred on it.</summary>
    public bool HoldsGlyph(Rect mark)
    {
        if (mark.Height < 0.4 * Thickness || mark.Height > 1.4 * Thickness || mark.Width > 2 * Thickness)
        {
            return false;
        }

        double radians = AngleDegrees * Math.PI / 180;
        double dx = mark.X + mark.Width / 2.0 - Centre.X, dy = mark.Y + mark.Height / 2.0 - Centre.Y;
        double along = dx * Math.Cos(radians) + dy * Math.Sin(radians);
        double across = -dx * Math.Sin(radians) + dy * Math.Cos(radians);
        return Math.Abs(along) <= Length / 2 && Math.Abs(across) <= 0.5 * Thickness;
    }

    /// <summary>The corners of the line's box, in its pixels.</summary>
    public IEnumerable<Point2d> Outline()
    {
        double radians = AngleDegrees * Math.PI / 180;
        double ux = Math.Cos(radians) * Length / 2, uy = Math.Sin(radians) * Length / 2;
        double vx = -Math.Sin(radians) * Thickness / 2, vy = Math.Cos(radians) * Thickness / 2;
        yield return new Point2d(Centre.X - ux - vx, Centre.Y - uy - vy);
        yield return new Point2d(Centre.X + ux - vx, Centre.Y + uy - vy);
        yield return new Point2d(Centre.X + ux + vx, Centre.Y + uy + vy);
        yield return new Point2d(Centre.X - ux + vx, Centre.Y - uy + vy);
    }

    /// <summary>The same line found again (at another level of the pyramid).</summary>
    public bool SameAs(MrzTextLine other) =>
        Centre.DistanceTo(other.Centre) < 0.6 * Math.Max(Thickness, other.Thickness)
        && Math.Min(Length, other.Length) > 0.85 * Math.Max(Length, other.Length);
}

/// <summary>Two or three MRZ-like lines, top to bottom.</summary>
internal sealed record MrzBand(IReadOnlyList<MrzTextLine> Lines)
{
    public double Thickness => Lines.Average(l => l.Thickness);

    public double AngleDegrees => Lines.Average(l => l.AngleDegrees);

    /// <summary>The same band found again (at another level of the pyramid).</summary>
    public bool SameAs(MrzBand other) => Lines.Count == other.Lines.Count && Lines.Zip(other.Lines).All(p => p.First.SameAs(p.Second));
}

/// <summary>Every text line seen (for the gate's text measures) and the MRZ candidates among them.</summary>
internal sealed record MrzBandSearch(IReadOnlyList<MrzTextLine> Lines, IReadOnlyList<MrzBand> Bands);

using KycOcr.Core.Imaging;
using KycOcr.Core.Mrz.Reading;
using OpenCvSharp;

namespace KycOcr.Core.Quality;

/// <summary>
/// The quality gate: finds the document, reads its MRZ, warps it upright, scores it at a fixed measuring size and
/// holds each score to its threshold. What the document itself shows decides over the proxy measures: an MRZ that
/// reads clearly is never refused for the look of the photo, and a frame without background is the document when
/// its print shows it is one. Plain API for the service, the CLI and the tools.
/// </summary>
/// <param name="mrzReader">Reads the MRZ from the best pixels the upload has.</param>
public sealed class QualityGate(QualityThresholds thresholds, MrzImageReader mrzReader)
{
    private readonly MrzImageReader _mrzReader = mrzReader ?? throw new ArgumentNullException(nameof(mrzReader));

    /// <summary>A whole frame is searched for the MRZ in a decode at least this long (or the upload when smaller).</summary>
    public const int MrzSourceSide = 2000;

    /// <summary>A detected document is read straightened to this long a side (never more than it has): its MRZ glyphs stand 27 px and more.</summary>
    public const int MrzDocumentSide = 1280;

    /// <summary>
    /// A reading whose glyphs match this well was plainly legible, valid or not: the photo's look is then no reason
    /// to refuse it (a specimen that misprints a check digit is answered as such, not as a bad photo).
    /// </summary>
    public const double LegibleMrzScore = 0.9;

    /// <summary>Printed text counts as evidence of a document filling the frame from this many lines…</summary>
    private const int EvidenceLines = 4;

    /// <summary>…spanning at least these shares of the frame's width and height.</summary>
    private const double EvidenceWidth = 0.5, EvidenceHeight = 0.4;

    public QualityThresholds Thresholds { get; } = thresholds ?? throw new ArgumentNullException(nameof(thresholds));

    /// <summary>The report for a decoded BGR photo of any size.</summary>
    public QualityReport Inspect(Mat bgr, DateOnly? today = null)
    {
        using var outcome = Process(bgr, QualityMeasures.MeasureSide, today);
        return outcome.Report;
    }

    /// <summary>Report, MRZ reading and upright document (long side at most <paramref name="maxSide"/>, never upscaled).</summary>
    public QualityOutcome Process(Mat bgr, int maxSide, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        var detection = DocumentDetector.Detect(bgr);
        var mrz = ReadMrz(detection, bgr.Size(), _ => bgr, today);
        return Conclude(detection, mrz, bgr.Size(), _ => bgr, maxSide);
    }

    /// <summary>
    /// Decodes safely (header first, <paramref name="maxPixels"/>) and as small as the job allows: the analysis runs
    /// on a reduced decode, the MRZ is read from one that keeps its glyphs large, and the warp reads a decode that
    /// still gives the document the model's <paramref name="maxSide"/> budget. Throws <see cref="ImageRejectedException"/> for unusable bytes.
    /// </summary>
    public QualityOutcome Process(byte[] encoded, long maxPixels, int maxSide, DateOnly? today = null)
    {
        var header = ImageDecoder.Inspect(encoded, maxPixels);
        var longSide = Math.Max(header.Width ?? 0, header.Height ?? 0);
        // The analysis starts on the decode the frame's MRZ would be read from: JPEG's cost is mostly its entropy
        // decoding, paid in full at every reduction, so one decode that the detector shrinks beats a second, smaller one.
        var analysisReduction = Reduction(longSide, MrzSourceSide);
        var decoded = new Dictionary<int, Mat>();
        try
        {
            Mat DecodeAt(int reduction)
            {
                if (!decoded.TryGetValue(reduction, out var mat))
                    decoded[reduction] = mat = ImageDecoder.Decode(encoded, maxPixels, reduction);
                return mat;
            }

            var analysis = DecodeAt(analysisReduction);
            // The decoder applies EXIF orientation, so the original's size is taken in the decoded orientation.
            var swapped = (analysis.Width > analysis.Height) != (header.Width > header.Height) && header.Width != header.Height;
            var original = swapped ? new Size(header.Height!.Value, header.Width!.Value) : new Size(header.Width!.Value, header.Height!.Value);
            var toOriginal = (double)original.Width / analysis.Width;
            // A scan, a crop or a web image is read whole first, at its own pixels: an MRZ that reads valid across
            // the frame's width says the frame is the document, and the outline search (the gate's largest cost,
            // and largest on a page of print) is spared. A larger photo is searched for its outline first.
            MrzImageAttempt? frame = null;
            if (Math.Max(original.Width, original.Height) <= MrzSourceSide)
            {
                frame = ReadFrame(original, DecodeAt, today);
                if (frame.Reading.Valid && SpansFrame(frame, original))
                    return Conclude(DocumentDetection.None, frame, original, DecodeAt, maxSide);
                // Else the straightened document is read as for a photo: its pixels are the better (a photo's
                // frame has read a confident P for an F that no check digit catches, where the document read true).
            }

            var detection = DocumentDetector.Detect(analysis).Scaled(toOriginal);
            var mrz = ReadMrz(detection, original, DecodeAt, today, frame);
            return Conclude(detection, mrz, original, DecodeAt, maxSide);
        }
        finally
        {
            foreach (var mat in decoded.Values)
                mat.Dispose();
        }
    }

    /// <summary>The upright document in <paramref name="bgr"/> at most <paramref name="maxSide"/> long, or null when none is found.</summary>
    public static Mat? UprightDocument(Mat bgr, int maxSide)
    {
        var detection = DocumentDetector.Detect(bgr);
        return detection.Found ? DocumentWarp.Warp(bgr, detection, maxSide) : null;
    }

    /// <summary>The largest power-of-two reduction (at most 8) that keeps <paramref name="longSide"/> at or above <paramref name="atLeast"/>.</summary>
    internal static int Reduction(double longSide, double atLeast)
    {
        var reduction = 1;
        while (reduction < 8 && longSide / (reduction * 2) >= atLeast)
            reduction *= 2;
        return reduction;
    }

    /// <summary>
    /// The MRZ from the best pixels: the detected document straightened from a decode that keeps it large (perspective
    /// and rotation gone), then, unless that reads valid, the whole frame (a scan without an outline, or an outline
    /// that is not the document's). Valid wins, then found, then the better match. In the original's pixels.
    /// </summary>
    /// <param name="frameRead">The whole frame's reading, when it was taken already.</param>
    private MrzImageAttempt ReadMrz(DocumentDetection detection, Size original, Func<int, Mat> decodeAt, DateOnly? today, MrzImageAttempt? frameRead = null)
    {
        var date = today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        MrzImageAttempt? onDocument = null;
        if (detection.Found)
        {
            var source = decodeAt(Reduction(detection.LongSide, MrzDocumentSide));
            var inSource = detection.Scaled((double)source.Width / original.Width);
            using var upright = DocumentWarp.Warp(source, inSource, MrzDocumentSide);
            onDocument = ToOriginal(_mrzReader.ReadStraightened(upright, date), inSource, upright.Size(), (double)original.Width / source.Width);
            if (onDocument.Reading.Valid)
                return onDocument;
        }

        var whole = frameRead ?? ReadFrame(original, decodeAt, today);
        if (onDocument is null || whole.Reading.Valid)
            return whole;
        var better = onDocument.Reading.Found != whole.Reading.Found ? (onDocument.Reading.Found ? onDocument : whole)
            : onDocument.Score >= whole.Score ? onDocument : whole;
        // The frame's print is the text evidence either way.
        return better with { Text = whole.Text };
    }

    /// <summary>The whole frame's MRZ, from a decode at least <see cref="MrzSourceSide"/> long, in the original's pixels.</summary>
    private MrzImageAttempt ReadFrame(Size original, Func<int, Mat> decodeAt, DateOnly? today)
    {
        var frame = decodeAt(Reduction(Math.Max(original.Width, original.Height), MrzSourceSide));
        return _mrzReader.ReadDetailed(frame, today ?? DateOnly.FromDateTime(DateTime.UtcNow)).Scaled((double)original.Width / frame.Width);
    }

    /// <summary>An MRZ runs across 90 % of its document's width: across this share of the frame, the frame is the document.</summary>
    private const double SpanningZoneShare = 0.75;

    private static bool SpansFrame(MrzImageAttempt mrz, Size frame)
    {
        var across = mrz.RotationDegrees is 90 or 270 ? frame.Height : frame.Width;
        return mrz.Band.Count == 4 && mrz.Band[0].DistanceTo(mrz.Band[1]) >= SpanningZoneShare * across;
    }

    // A reading of the straightened document, back in the original's pixels.
    private static MrzImageAttempt ToOriginal(MrzImageAttempt attempt, DocumentDetection inSource, Size upright, double sourceToOriginal)
    {
        using var toUpright = DocumentWarp.ToUpright(inSource, upright);
        using var back = toUpright.Inv();
        var scale = inSource.LongSide / upright.Width * sourceToOriginal;
        var band = attempt.Band.Count == 0 ? []
            : Cv2.PerspectiveTransform(attempt.Band.Select(p => new Point2f((float)p.X, (float)p.Y)), back)
                .Select(p => new Point2d(p.X * sourceToOriginal, p.Y * sourceToOriginal)).ToArray();
        return attempt with { Band = band, GlyphHeight = attempt.GlyphHeight * scale, Text = attempt.Text.Scaled(scale) };
    }

    /// <param name="detection">In the original's pixels.</param>
    /// <param name="mrz">In the original's pixels.</param>
    /// <param name="decodeAt">The photo decoded at a reduction (1 = full size); owned by the caller.</param>
    private QualityOutcome Conclude(DocumentDetection detection, MrzImageAttempt mrz, Size original, Func<int, Mat> decodeAt, int maxSide)
    {
        var frame = original;
        bool zoneFound = mrz.Reading.Found;
        // An outline that leaves out the MRZ, or lies across it, is not the document's.
        if (detection.Found && zoneFound && !Holds(detection, mrz))
            detection = DocumentDetection.None;

        var framed = false;
        if (!detection.Found && (zoneFound || ShowsText(mrz, frame)))
        {
            detection = FrameDocument(frame);
            framed = true;
        }

        Mat upright;
        // Takes a point of the upright image back to the photo, to say where a failed check shows (the glare spot).
        Func<Point2d, Point2d> toPhoto;
        if (detection.Found && !framed)
        {
            // Read the warp from the smallest decode that still holds the model's budget of document pixels.
            var reduction = Reduction(detection.LongSide, maxSide);
            var source = decodeAt(reduction);
            var turn = zoneFound ? ZoneTurn(detection, mrz) : 0;
            if (turn == 180)
                detection = detection with { Corners = [detection.Corners[2], detection.Corners[3], detection.Corners[0], detection.Corners[1]] };
            var inSource = detection.Scaled((double)source.Width / original.Width);
            upright = DocumentWarp.Warp(source, inSource, maxSide);
            // A passport opened flat is wider than high with its pages side by side, so its data page's zone can run
            // down the outline's short side: the page is turned so that the zone reads across, as a person reads it.
            RotateFlags? quarter = turn switch { 90 => RotateFlags.Rotate90Counterclockwise, 270 => RotateFlags.Rotate90Clockwise, _ => null };
            using (var back = DocumentWarp.ToUpright(inSource, upright.Size()).Inv())
                toPhoto = UprightToPhoto(Homography(back), (double)original.Width / source.Width, upright.Size(), quarter);
            Turn(upright, quarter);
        }
        else
        {
            var reduction = Reduction(Math.Max(original.Width, original.Height), maxSide);
            upright = DocumentWarp.FitWithin(decodeAt(reduction), maxSide);
            RotateFlags? turn = !zoneFound ? null : mrz.RotationDegrees switch
            {
                90 => RotateFlags.Rotate90Clockwise,
                180 => RotateFlags.Rotate180,
                270 => RotateFlags.Rotate90Counterclockwise,
                _ => null,
            };
            toPhoto = UprightToPhoto(null, (double)original.Width / upright.Width, upright.Size(), turn);
            Turn(upright, turn);
        }

        try
        {
            var measures = QualityMeasures.Measure(upright, Thresholds.GlareLevel, trimBorder: detection.Found && !framed);
            var report = Judge(detection, mrz, measures, InPhoto(measures.GlareAt, toPhoto));
            return new QualityOutcome(report, upright, mrz);
        }
        catch
        {
            upright.Dispose();
            throw;
        }
    }

    private static void Turn(Mat image, RotateFlags? turn)
    {
        if (turn is { } flags)
            Cv2.Rotate(image, image, flags);
    }

    /// <summary>
    /// The map from the points of an image turned by <paramref name="turn"/> back to the photo's: the turn undone, then
    /// the warp (<paramref name="toSource"/>, a homography, or none for a frame taken whole), then the decode's reduction.
    /// </summary>
    private static Func<Point2d, Point2d> UprightToPhoto(double[]? toSource, double sourceToPhoto, Size beforeTurn, RotateFlags? turn) => p =>
    {
        var q = turn switch
        {
            RotateFlags.Rotate90Clockwise => new Point2d(p.Y, beforeTurn.Height - 1 - p.X),
            RotateFlags.Rotate90Counterclockwise => new Point2d(beforeTurn.Width - 1 - p.Y, p.X),
            RotateFlags.Rotate180 => new Point2d(beforeTurn.Width - 1 - p.X, beforeTurn.Height - 1 - p.Y),
            _ => p,
        };
        if (toSource is { } h)
        {
            var w = h[6] * q.X + h[7] * q.Y + h[8];
            q = new Point2d((h[0] * q.X + h[1] * q.Y + h[2]) / w, (h[3] * q.X + h[4] * q.Y + h[5]) / w);
        }
        return new Point2d(q.X * sourceToPhoto, q.Y * sourceToPhoto);
    };

    private static double[] Homography(Mat m) => Enumerable.Range(0, 9).Select(i => m.Get<double>(i / 3, i % 3)).ToArray();

    private static QualitySpot? InPhoto(QualitySpot? spot, Func<Point2d, Point2d> toPhoto)
    {
        if (spot is null)
            return null;
        var centre = toPhoto(new Point2d(spot.X, spot.Y));
        var edge = toPhoto(new Point2d(spot.X + spot.Radius, spot.Y));
        return new QualitySpot(centre.X, centre.Y, centre.DistanceTo(edge));
    }

    private static DocumentDetection FrameDocument(Size frame)
    {
        double w = frame.Width - 1, h = frame.Height - 1;
        double aspect = Math.Max(frame.Width, frame.Height) / (double)Math.Min(frame.Width, frame.Height);
        var shape = Math.Abs(aspect - 1.586) < 0.08 ? DocumentShape.IdCard : Math.Abs(aspect - 1.42) < 0.06 ? DocumentShape.Passport : DocumentShape.Unknown;
        return new DocumentDetection(true, shape, [new(0, 0), new(w, 0), new(w, h), new(0, h)], 1);
    }

    // Lines of print over most of the frame: a scan or a crop with no background around the document.
    private static bool ShowsText(MrzImageAttempt mrz, Size frame) =>
        mrz.Text.Lines >= EvidenceLines
        && mrz.Text.Bounds.Width >= EvidenceWidth * frame.Width && mrz.Text.Bounds.Height >= EvidenceHeight * frame.Height;

    private static bool Holds(DocumentDetection detection, MrzImageAttempt mrz)
    {
        var outline = detection.Corners.Select(p => new Point2f((float)p.X, (float)p.Y)).ToArray();
        // The zone's corners may touch the outline; its centre line must be well inside.
        var centre = new Point2d(mrz.Band.Average(p => p.X), mrz.Band.Average(p => p.Y));
        var left = new Point2d((mrz.Band[0].X + mrz.Band[3].X) / 2, (mrz.Band[0].Y + mrz.Band[3].Y) / 2);
        var right = new Point2d((mrz.Band[1].X + mrz.Band[2].X) / 2, (mrz.Band[1].Y + mrz.Band[2].Y) / 2);
        return new[] { centre, left, right }.All(p => Cv2.PointPolygonTest(outline, new Point2f((float)p.X, (float)p.Y), true) > -mrz.GlyphHeight);
    }

    // The detector puts the top on the long side nearer the top of the frame; the MRZ says which way the page reads:
    // 0 when its lines run along the outline's top edge, 180 against it, 90 when they run down the outline (the page
    // is turned a quarter clockwise), 270 up it.
    private static int ZoneTurn(DocumentDetection detection, MrzImageAttempt mrz)
    {
        var c = detection.Corners;
        double zoneX = mrz.Band[1].X - mrz.Band[0].X, zoneY = mrz.Band[1].Y - mrz.Band[0].Y;
        double topX = c[1].X - c[0].X, topY = c[1].Y - c[0].Y, leftX = c[3].X - c[0].X, leftY = c[3].Y - c[0].Y;
        var along = (topX * zoneX + topY * zoneY) / Math.Sqrt(topX * topX + topY * topY);
        var down = (leftX * zoneX + leftY * zoneY) / Math.Sqrt(leftX * leftX + leftY * leftY);
        if (Math.Abs(along) >= Math.Abs(down))
            return along < 0 ? 180 : 0;
        return down > 0 ? 90 : 270;
    }

    /// <param name="glareInPhoto">The largest washed-out disc in the photo's pixels, told where the glare check fails.</param>
    private QualityReport Judge(DocumentDetection detection, MrzImageAttempt mrz, QualityMeasures m, QualitySpot? glareInPhoto)
    {
        var t = Thresholds;
        bool zoneFound = mrz.Reading.Found;
        // The MRZ's glyphs where there is one, else the document's other print.
        double resolution = zoneFound ? mrz.GlyphHeight : mrz.Text.Height;
        var documentPassed = detection.Found ? detection.Coverage >= t.MinDocumentCoverage : !t.RequireDocument;
        List<QualityCheck> checks =
        [
            new(QualityCheckNames.Resolution, resolution, t.MinTextHeight, resolution >= t.MinTextHeight,
                "The text on the document is too small in the photo: move the camera closer so the document fills most of the frame, or send a larger image."),
            new(QualityCheckNames.Document, detection.Coverage, t.MinDocumentCoverage, documentPassed,
                "No document was found: lay the whole document flat on a plain surface of a different colour, with all four corners in the photo."),
            new(QualityCheckNames.Blur, m.Blur, t.MinBlurScore, m.Blur >= t.MinBlurScore,
                "The photo is blurry: hold the camera still, let it focus on the document, and take the photo again."),
            new(QualityCheckNames.Contrast, m.Contrast, t.MinContrast, m.Contrast >= t.MinContrast,
                "The photo is washed out: take it in even light, without filters, so the text stands out."),
            new(QualityCheckNames.Glare, m.GlareSpot, t.MaxGlareSpot, m.GlareSpot <= t.MaxGlareSpot,
                "Light reflects off the document: tilt it a little or move away from the lamp or window so no bright spot covers it.")
            {
                Spot = m.GlareSpot <= t.MaxGlareSpot ? null : glareInPhoto,
            },
            new(QualityCheckNames.Darkness, m.Brightness, t.MinBrightness, m.Brightness >= t.MinBrightness,
                "The photo is too dark: take it in brighter light."),
            new(QualityCheckNames.Overexposure, m.Brightness, t.MaxBrightness, m.Brightness <= t.MaxBrightness,
                "The photo is too bright: avoid direct sunlight and the flash."),
            new(QualityCheckNames.EdgeDensity, m.EdgeDensity, t.MinEdgeDensity, m.EdgeDensity >= t.MinEdgeDensity,
                "The document's print is not legible: make sure it is in focus and fills most of the frame."),
        ];

        // Measures stand in for legibility; a zone that plainly reads proves it. Nothing then blocks.
        bool legible = zoneFound && (mrz.Reading.Valid || mrz.Score >= LegibleMrzScore);
        bool accepted = legible || checks.All(c => c.Passed);
        return new QualityReport(accepted, accepted ? checks : checks.Select(c => c with { Blocking = !c.Passed }).ToList(), detection);
    }
}

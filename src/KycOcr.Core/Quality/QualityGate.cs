using KycOcr.Core.Imaging;
using OpenCvSharp;

namespace KycOcr.Core.Quality;

/// <summary>
/// The quality gate: finds the document, warps it upright, scores it at a fixed measuring size and holds
/// each score to its threshold. Plain API for the service, the CLI and the MRZ reader.
/// </summary>
public sealed class QualityGate(QualityThresholds thresholds)
{
    public QualityThresholds Thresholds { get; } = thresholds ?? throw new ArgumentNullException(nameof(thresholds));

    /// <summary>The report for a decoded BGR photo of any size.</summary>
    public QualityReport Inspect(Mat bgr)
    {
        using var outcome = Process(bgr, QualityMeasures.MeasureSide);
        return outcome.Report;
    }

    /// <summary>Report and upright document (long side at most <paramref name="maxSide"/>, never upscaled).</summary>
    public QualityOutcome Process(Mat bgr, int maxSide)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        var detection = DocumentDetector.Detect(bgr);
        return Conclude(detection, bgr.Size(), _ => bgr, 1, maxSide);
    }

    /// <summary>
    /// Decodes safely (header first, <paramref name="maxPixels"/>) and as small as the job allows: the
    /// analysis runs on a reduced decode, and the warp reads a decode that still gives the document the
    /// model's <paramref name="maxSide"/> budget. Throws <see cref="ImageRejectedException"/> for unusable bytes.
    /// </summary>
    public QualityOutcome Process(byte[] encoded, long maxPixels, int maxSide)
    {
        var header = ImageDecoder.Inspect(encoded, maxPixels);
        var longSide = Math.Max(header.Width ?? 0, header.Height ?? 0);
        var analysisReduction = Reduction(longSide, DocumentDetector.WorkingSide);
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
            var detection = DocumentDetector.Detect(analysis).Scaled(toOriginal);
            return Conclude(detection, original, DecodeAt, analysisReduction, maxSide);
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

    /// <param name="detection">In the original's pixels.</param>
    /// <param name="decodeAt">The photo decoded at a reduction (1 = full size); owned by the caller.</param>
    private QualityOutcome Conclude(DocumentDetection detection, Size original, Func<int, Mat> decodeAt, int analysisReduction, int maxSide)
    {
        Mat upright;
        if (detection.Found)
        {
            // Read the warp from the smallest decode that still holds the model's budget of document pixels.
            var reduction = Reduction(detection.LongSide, maxSide);
            var source = decodeAt(reduction);
            upright = DocumentWarp.Warp(source, detection.Scaled((double)source.Width / original.Width), maxSide);
        }
        else
        {
            var reduction = Reduction(Math.Max(original.Width, original.Height), maxSide);
            upright = DocumentWarp.FitWithin(decodeAt(reduction), maxSide);
        }

        try
        {
            var measures = QualityMeasures.Measure(upright, Thresholds.GlareLevel, trimBorder: detection.Found);
            var report = Judge(detection, original, measures);
            return new QualityOutcome(report, upright);
        }
        catch
        {
            upright.Dispose();
            throw;
        }
    }

    private QualityReport Judge(DocumentDetection detection, Size original, QualityMeasures m)
    {
        var t = Thresholds;
        var resolution = detection.Found ? detection.LongSide : Math.Max(original.Width, original.Height);
        var documentPassed = detection.Found ? detection.Coverage >= t.MinDocumentCoverage : !t.RequireDocument;
        List<QualityCheck> checks =
        [
            new(QualityCheckNames.Resolution, resolution, t.MinDocumentPixels, resolution >= t.MinDocumentPixels,
                "The document is too small in the photo: move the camera closer so the document fills most of the frame."),
            new(QualityCheckNames.Document, detection.Coverage, t.MinDocumentCoverage, documentPassed,
                "No document was found: lay the whole document flat on a plain surface of a different colour, with all four corners in the photo."),
            new(QualityCheckNames.Blur, m.Blur, t.MinBlurScore, m.Blur >= t.MinBlurScore,
                "The photo is blurry: hold the camera still, let it focus on the document, and take the photo again."),
            new(QualityCheckNames.Contrast, m.Contrast, t.MinContrast, m.Contrast >= t.MinContrast,
                "The photo is washed out: take it in even light, without filters, so the text stands out."),
            new(QualityCheckNames.Glare, m.GlareSpot, t.MaxGlareSpot, m.GlareSpot <= t.MaxGlareSpot,
                "Light reflects off the document: tilt it a little or move away from the lamp or window so no bright spot covers it."),
            new(QualityCheckNames.Darkness, m.Brightness, t.MinBrightness, m.Brightness >= t.MinBrightness,
                "The photo is too dark: take it in brighter light."),
            new(QualityCheckNames.Overexposure, m.Brightness, t.MaxBrightness, m.Brightness <= t.MaxBrightness,
                "The photo is too bright: avoid direct sunlight and the flash."),
            new(QualityCheckNames.EdgeDensity, m.EdgeDensity, t.MinEdgeDensity, m.EdgeDensity >= t.MinEdgeDensity,
                "The document's print is not legible: make sure it is in focus and fills most of the frame."),
        ];
        return new QualityReport(checks.All(c => c.Passed), checks, detection);
    }
}

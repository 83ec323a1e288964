using KycOcr.Core.Barcodes;
using KycOcr.Core.Configuration;
using KycOcr.Core.Imaging;
using KycOcr.Core.Mrz;
using KycOcr.Core.Mrz.Reading;
using KycOcr.Core.Portraits;
using KycOcr.Core.Quality;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace KycOcr.Core.Preprocessing;

/// <summary>
/// The job's preprocessing, and the one read path of the service and the CLI: safe decode, the MRZ read from the
/// upload's best pixels, the quality gate judged with what that reading shows, then the document cropped,
/// straightened and sized to <c>MODEL_IMAGE_MAX_SIDE</c> (never upscaled) as a JPEG at <c>MODEL_JPEG_QUALITY</c>.
/// A failed gate is a <c>quality_rejected</c> error that carries the checks that refused it, the whole report and
/// the MRZ as read. An accepted page's portrait is looked for on that straightened image, when a finder is given.
/// </summary>
public sealed class DocumentPreprocessor(
    IOptions<ApiOptions> api, IOptions<ModelOptions> model, IOptions<QualityOptions> quality, MrzImageReader reader, TimeProvider clock,
    PortraitFinder? portraits = null)
    : IImagePreprocessor
{
    private readonly QualityGate _gate = new(quality.Value.Thresholds(), reader);

    public PreparedImage Prepare(byte[] upload)
    {
        try
        {
            using var outcome = Inspect(upload);
            var report = outcome.Report;
            // An AAMVA licence's back carries its data in a PDF417 barcode instead of an MRZ. A barcode that decodes
            // (its error correction vouches for every codeword) proves the page legible, as a zone that reads does:
            // the measures that stand in for legibility then block nothing.
            var barcode = outcome.Mrz.Reading.Found || outcome.Upright is null ? null : Pdf417Scanner.Read(outcome.Upright);
            if (!report.Accepted && barcode is not null)
                report = report with { Accepted = true, Checks = report.Checks.Select(c => c with { Blocking = false }).ToArray() };
            if (!report.Accepted)
                return new PreparedImage.Refused(Rejection(report, outcome.Mrz.Reading));

            var upright = outcome.Upright!;
            var jpeg = upright.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, model.Value.JpegQuality));
            var face = portraits?.Find(upright);
            var portrait = face is null ? null : new FoundPortrait(face, PortraitFinder.Crop(upright, face, model.Value.JpegQuality));
            return new PreparedImage.Accepted(jpeg, report.ToSummary(), outcome.Mrz.Reading, portrait, barcode);
        }
        catch (ImageRejectedException e)
        {
            return new PreparedImage.Refused(e.ToApiError());
        }
    }

    /// <summary>The gate's report, the MRZ reading and the upright document, as the job sees them (<c>kycocr check</c> and <c>mrz</c> print these).</summary>
    /// <exception cref="ImageRejectedException">The bytes are not a usable image.</exception>
    public QualityOutcome Inspect(byte[] upload) =>
        _gate.Process(upload, api.Value.MaxImagePixels, model.Value.ImageMaxSide, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    public static ApiError Rejection(QualityReport report, MrzReading mrz) =>
        new("The photo cannot be used. " + string.Join(" ", report.Blocking.Select(c => c.Hint)), ErrorCodes.QualityRejected)
        {
            Checks = report.BlockingChecks(),
            Quality = report.ToSummary(),
            Mrz = mrz.Found ? mrz : null,
        };
}

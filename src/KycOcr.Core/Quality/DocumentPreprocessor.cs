using KycOcr.Core.Configuration;
using KycOcr.Core.Imaging;
using KycOcr.Core.Preprocessing;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace KycOcr.Core.Quality;

/// <summary>
/// The job's preprocessing: safe decode, quality gate, then the document cropped, straightened and sized
/// to <c>MODEL_IMAGE_MAX_SIDE</c> (never upscaled) as a JPEG at <c>MODEL_JPEG_QUALITY</c>. A failed gate is
/// a <c>quality_rejected</c> error whose message carries the failed checks' hints and whose <c>checks</c>
/// lists them; the report goes under <c>quality</c> either way.
/// </summary>
public sealed class DocumentPreprocessor(IOptions<ApiOptions> api, IOptions<ModelOptions> model, IOptions<QualityOptions> quality) : IImagePreprocessor
{
    private readonly QualityGate _gate = new(quality.Value.Thresholds());

    public PreparedImage Prepare(byte[] upload)
    {
        try
        {
            using var outcome = _gate.Process(upload, api.Value.MaxImagePixels, model.Value.ImageMaxSide);
            var report = outcome.Report;
            if (!report.Accepted)
                return new PreparedImage(null, report.ToJson(), Rejection(report));

            var jpeg = outcome.Upright!.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, model.Value.JpegQuality));
            return new PreparedImage(jpeg, report.ToJson(), null);
        }
        catch (ImageRejectedException e)
        {
            return new PreparedImage(null, null, e.ToApiError());
        }
    }

    public static ApiError Rejection(QualityReport report) =>
        new("The photo cannot be used. " + string.Join(" ", report.Failed.Select(c => c.Hint)), ErrorCodes.QualityRejected)
        {
            Checks = report.FailedChecksJson(),
        };
}

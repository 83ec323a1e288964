using KycOcr.Core.Configuration;
using KycOcr.Core.Mrz.Reading;
using KycOcr.Core.Quality;
using OpenCvSharp;

namespace KycOcr.Bench;

/// <summary>The service's preprocessing as the job runs it: decode → detect → read the MRZ → checks → warp → encode.</summary>
public static class OurPipeline
{
    public const long MaxImagePixels = 50_000_000;
    public const int ImageMaxSide = 1024;
    public const int JpegQuality = 90;

    /// <summary>The MRZ reader the gate reads with (OCR-B from fonts-ocr-b, or OCRB_FONT_PATH).</summary>
    public static MrzImageReader Reader { get; } = new(new MrzReaderOptions
    {
        OcrBFontPath = Environment.GetEnvironmentVariable("OCRB_FONT_PATH") is { Length: > 0 } path ? path : MrzReaderOptions.DefaultOcrBFontPath,
    });

    private static readonly QualityGate Gate = new(QualityPresets.MediumThresholds, Reader);

    /// <summary>Returns the JPEG's length (0 when rejected).</summary>
    public static int Run(byte[] encoded)
    {
        using var outcome = Gate.Process(encoded, MaxImagePixels, ImageMaxSide);
        if (!outcome.Report.Accepted || outcome.Upright is null)
            return 0;
        return outcome.Upright.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, JpegQuality)).Length;
    }
}

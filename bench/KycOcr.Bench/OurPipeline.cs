using KycOcr.Core.Quality;
using OpenCvSharp;

namespace KycOcr.Bench;

/// <summary>The service's preprocessing as the job runs it: decode → checks → detect → warp → encode.</summary>
public static class OurPipeline
{
    public const long MaxImagePixels = 50_000_000;
    public const int ImageMaxSide = 1024;
    public const int JpegQuality = 90;

    private static readonly QualityGate Gate = new(QualityPresets.MediumThresholds);

    /// <summary>Returns the JPEG's length (0 when rejected).</summary>
    public static int Run(byte[] encoded)
    {
        using var outcome = Gate.Process(encoded, MaxImagePixels, ImageMaxSide);
        if (!outcome.Report.Accepted || outcome.Upright is null)
            return 0;
        return outcome.Upright.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, JpegQuality)).Length;
    }
}

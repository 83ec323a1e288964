using System.Text.Json;
using KycOcr.Core.Configuration;
using KycOcr.Core.Imaging;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace KycOcr.Core.Preprocessing;

/// <summary>
/// Safe decode, downscale to the model's size budget (never upscale) and JPEG re-encode.
/// The quality gate and deskew replace this once they land; until then no quality checks run.
/// </summary>
public sealed class ReencodePreprocessor(IOptions<ApiOptions> api, IOptions<ModelOptions> model) : IImagePreprocessor
{
    private static readonly JsonElement NoChecks = JsonSerializer.SerializeToElement(new { checks = Array.Empty<object>(), document = (object?)null });

    public PreparedImage Prepare(byte[] upload)
    {
        try
        {
            using var image = ImageDecoder.Decode(upload, api.Value.MaxImagePixels);
            using var sized = FitWithin(image, model.Value.ImageMaxSide);
            var jpeg = sized.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, model.Value.JpegQuality));
            return new PreparedImage(jpeg, NoChecks, null);
        }
        catch (ImageRejectedException e)
        {
            return new PreparedImage(null, null, e.ToApiError());
        }
    }

    private static Mat FitWithin(Mat image, int maxSide)
    {
        var longSide = Math.Max(image.Width, image.Height);
        if (longSide <= maxSide)
            return image.Clone();
        var scale = (double)maxSide / longSide;
        var resized = new Mat();
        Cv2.Resize(image, resized, new Size(Math.Round(image.Width * scale), Math.Round(image.Height * scale)), interpolation: InterpolationFlags.Area);
        return resized;
    }
}

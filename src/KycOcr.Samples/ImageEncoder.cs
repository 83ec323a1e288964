using OpenCvSharp;

namespace KycOcr.Samples;

internal static class ImageEncoder
{
    public const int DefaultJpegQuality = 92;

    public static byte[] Encode(Mat bgr, PhotoFormat format, int jpegQuality)
    {
        byte[] bytes;
        if (format == PhotoFormat.Jpeg)
        {
            Cv2.ImEncode(".jpg", bgr, out bytes, new ImageEncodingParam(ImwriteFlags.JpegQuality, jpegQuality));
        }
        else
        {
            Cv2.ImEncode(".png", bgr, out bytes, new ImageEncodingParam(ImwriteFlags.PngCompression, 3));
        }

        return bytes.Length > 0 ? bytes : throw new InvalidOperationException($"OpenCV could not encode the image as {format}.");
    }
}

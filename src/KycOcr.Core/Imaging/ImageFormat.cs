namespace KycOcr.Core.Imaging;

/// <summary>The image formats the service accepts, recognised by their leading bytes.</summary>
public enum ImageFormat
{
    Jpeg,
    Png,
    WebP,
    Tiff,
    Bmp,
}

public static class ImageFormatExtensions
{
    public static string ContentType(this ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Png => "image/png",
        ImageFormat.WebP => "image/webp",
        ImageFormat.Tiff => "image/tiff",
        ImageFormat.Bmp => "image/bmp",
        _ => "application/octet-stream",
    };

    public static string Extension(this ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => ".jpg",
        ImageFormat.Png => ".png",
        ImageFormat.WebP => ".webp",
        ImageFormat.Tiff => ".tif",
        ImageFormat.Bmp => ".bmp",
        _ => ".bin",
    };
}

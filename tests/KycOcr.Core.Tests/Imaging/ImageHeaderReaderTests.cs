using KycOcr.Core.Imaging;
using KycOcr.TestSupport.Images;

namespace KycOcr.Core.Tests.Imaging;

public sealed class ImageHeaderReaderTests
{
    [Theory]
    [InlineData(".jpg", ImageFormat.Jpeg)]
    [InlineData(".png", ImageFormat.Png)]
    [InlineData(".webp", ImageFormat.WebP)]
    [InlineData(".tiff", ImageFormat.Tiff)]
    [InlineData(".bmp", ImageFormat.Bmp)]
    public void Reads_format_and_size_of_real_encoded_images(string extension, ImageFormat expected)
    {
        var bytes = SimpleImages.Encode(321, 123, extension);

        var header = ImageHeaderReader.Read(bytes);

        Assert.NotNull(header);
        Assert.Equal(expected, header.Format);
        Assert.Equal(321, header.Width);
        Assert.Equal(123, header.Height);
    }

    [Fact]
    public void Text_and_other_formats_are_not_images()
    {
        Assert.Null(ImageHeaderReader.Read("hello, this is not an image"u8));
        Assert.Null(ImageHeaderReader.Read("GIF89a\x01\x00\x01\x00"u8));
        Assert.Null(ImageHeaderReader.Read("%PDF-1.7\n"u8));
        Assert.Null(ImageHeaderReader.Read([]));
    }

    [Fact]
    public void A_declared_size_is_read_without_any_pixel_data()
    {
        var header = ImageHeaderReader.Read(SimpleImages.PngHeaderOnly(40000, 40000));

        Assert.Equal(1_600_000_000L, header!.Pixels);
    }

    [Fact]
    public void A_jpeg_cut_before_its_frame_header_has_no_size()
    {
        var jpeg = SimpleImages.Encode(200, 100);

        var header = ImageHeaderReader.Read(jpeg.AsSpan(0, 20));

        Assert.Equal(ImageFormat.Jpeg, header!.Format);
        Assert.Null(header.Pixels);
    }

    [Fact]
    public void Decoder_refuses_oversize_headers_before_decoding_and_rejects_truncated_and_corrupt_bytes()
    {
        var oversize = Assert.Throws<ImageRejectedException>(() => ImageDecoder.Decode(SimpleImages.PngHeaderOnly(40000, 40000), 50_000_000));
        Assert.Equal(ErrorCodes.ImageTooLarge, oversize.Code);

        var jpeg = SimpleImages.Encode(400, 300);
        var truncated = Assert.Throws<ImageRejectedException>(() => ImageDecoder.Decode(jpeg[..(jpeg.Length / 3)], 50_000_000));
        Assert.Equal(ErrorCodes.ImageTruncated, truncated.Code);
        var corrupt = Assert.Throws<ImageRejectedException>(() => ImageDecoder.Decode(SimpleImages.CorruptJpeg(400, 300), 50_000_000));
        Assert.Equal(ErrorCodes.ImageUndecodable, corrupt.Code);

        using var decoded = ImageDecoder.Decode(jpeg, 50_000_000);
        Assert.Equal(400, decoded.Width);
    }
}

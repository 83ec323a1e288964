using System.Runtime.InteropServices;
using OpenCvSharp;
using ZXing;
using ZXing.Common;
using ZXing.PDF417;

namespace KycOcr.Core.Barcodes;

/// <summary>
/// Finds and decodes a PDF417 barcode on a straightened page with ZXing.Net, and parses it as AAMVA. The page is
/// tried as it is and turned a quarter (a card photographed upright), each binarised two ways.
/// </summary>
public static class Pdf417Scanner
{
    private static readonly Dictionary<DecodeHintType, object> Hints = new()
    {
        [DecodeHintType.TRY_HARDER] = true,
        [DecodeHintType.POSSIBLE_FORMATS] = new List<BarcodeFormat> { BarcodeFormat.PDF_417 },
    };

    /// <summary>The AAMVA reading of the page's PDF417 barcode, or null when it has none that reads as one.</summary>
    public static BarcodeReading? Read(Mat page)
    {
        ArgumentNullException.ThrowIfNull(page);
        using var gray = new Mat();
        Cv2.CvtColor(page, gray, ColorConversionCodes.BGR2GRAY);
        if (Decode(gray) is { } upright && AamvaParser.Parse(upright) is { } reading)
            return reading;
        using var turned = new Mat();
        Cv2.Rotate(gray, turned, RotateFlags.Rotate90Clockwise);
        return Decode(turned) is { } text ? AamvaParser.Parse(text) : null;
    }

    private static string? Decode(Mat gray)
    {
        var pixels = new byte[gray.Width * gray.Height];
        Marshal.Copy(gray.Data, pixels, 0, pixels.Length);
        var source = new RGBLuminanceSource(pixels, gray.Width, gray.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        var reader = new PDF417Reader();
        foreach (var binarizer in new Binarizer[] { new HybridBinarizer(source), new GlobalHistogramBinarizer(source) })
        {
            // ZXing answers null when it finds or decodes nothing: the next binarisation may read it.
            var result = reader.decode(new BinaryBitmap(binarizer), Hints);
            reader.reset();
            if (result is not null)
                return result.Text;
        }
        return null;
    }
}

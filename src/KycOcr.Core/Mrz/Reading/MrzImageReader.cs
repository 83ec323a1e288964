using KycOcr.Core.Configuration;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace KycOcr.Core.Mrz.Reading;

/// <summary>
/// Reads the machine-readable zone of an upright document image, offline: finds the MRZ band, deskews it,
/// cuts the fixed-pitch OCR-B lines into character cells and matches each cell against OCR-B glyph templates
/// rendered from the font file; <see cref="MrzParser"/> then checks structure and check digits. Both 0° and 180°
/// are tried. Thread-safe: one instance serves concurrent callers (templates are built once per size).
/// </summary>
public sealed class MrzImageReader : IDisposable
{
    /// <summary>Long side, in pixels, the document is scaled to before reading, so kernel sizes mean the same for every input.</summary>
    public const int WorkingLongSide = 1024;

    private readonly OcrBGlyphBank _glyphs;

    /// <exception cref="MrzFontUnavailableException">The OCR-B font is missing or unreadable.</exception>
    public MrzImageReader(MrzReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _glyphs = OcrBGlyphBank.Load(options.OcrBFontPath);
    }

    public MrzImageReader(IOptions<MrzReaderOptions> options) : this(options.Value)
    {
    }

    /// <summary>
    /// The MRZ of <paramref name="uprightDocumentBgr"/> (BGR or grey, the document filling the image, upright or upside down).
    /// <see cref="MrzReading.Found"/> is false when no MRZ band is seen; <see cref="MrzReading.Valid"/> only when
    /// every check digit holds and the structure is right.
    /// </summary>
    /// <param name="today">Anchors the century of birth and expiry dates.</param>
    public MrzReading Read(Mat uprightDocumentBgr, DateOnly today) => ReadDetailed(uprightDocumentBgr, today).Reading;

    /// <summary>As <see cref="Read"/>, with the match score, the orientation and every cell's two best candidates.</summary>
    public MrzImageAttempt ReadDetailed(Mat uprightDocumentBgr, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(uprightDocumentBgr);
        if (uprightDocumentBgr.Empty() || uprightDocumentBgr.Cols < 64 || uprightDocumentBgr.Rows < 64)
        {
            return MrzImageAttempt.NotFound("no MRZ: the image is empty or too small");
        }

        using var gray = WorkingGray(uprightDocumentBgr);
        MrzImageAttempt? best = null;
        foreach (var upsideDown in new[] { false, true })
        {
            using var oriented = new Mat();
            if (upsideDown)
            {
                Cv2.Rotate(gray, oriented, RotateFlags.Rotate180);
            }
            else
            {
                gray.CopyTo(oriented);
            }

            var attempt = MrzOrientedReader.Read(oriented, _glyphs, today);
            if (attempt is null)
            {
                continue;
            }

            attempt = attempt with { UpsideDown = upsideDown };

            // A valid reading from the wrong way up is implausible, so the first valid one settles it.
            if (attempt.Reading.Valid)
            {
                return attempt;
            }

            if (best is null || Better(attempt, best))
            {
                best = attempt;
            }
        }

        return best ?? MrzImageAttempt.NotFound("no MRZ: no band of 2 or 3 machine-readable lines was found");
    }

    private static bool Better(MrzImageAttempt a, MrzImageAttempt b) =>
        a.Reading.Found != b.Reading.Found ? a.Reading.Found : a.Score > b.Score;

    private static Mat WorkingGray(Mat image)
    {
        using var gray = new Mat();
        if (image.Channels() == 1)
        {
            image.CopyTo(gray);
        }
        else if (image.Channels() == 4)
        {
            Cv2.CvtColor(image, gray, ColorConversionCodes.BGRA2GRAY);
        }
        else
        {
            Cv2.CvtColor(image, gray, ColorConversionCodes.BGR2GRAY);
        }

        double scale = (double)WorkingLongSide / Math.Max(gray.Cols, gray.Rows);
        var working = new Mat();
        if (Math.Abs(scale - 1) < 0.01)
        {
            gray.CopyTo(working);
        }
        else
        {
            Cv2.Resize(gray, working, new Size(0, 0), scale, scale, scale < 1 ? InterpolationFlags.Area : InterpolationFlags.Cubic);
        }

        return working;
    }

    public void Dispose() => _glyphs.Dispose();
}

using SkiaSharp;

namespace KycOcr.Samples;

/// <summary>
/// Locates and loads the OCR-B font (Debian package fonts-ocr-b). Checked in managed code first
/// so a missing or broken file is a clear exception, never a native crash.
/// </summary>
public static class OcrBFont
{
    public const string DebianPackage = "fonts-ocr-b";
    public const string DefaultPath = "/usr/share/fonts/opentype/ocr-b/OCRB.otf";

    /// <summary>Environment variable that overrides <see cref="DefaultPath"/>.</summary>
    public const string PathVariable = "KYCOCR_OCRB_FONT";

    // PublicationOnly: a failed load is not cached, so installing the font later fixes the process.
    private static readonly Lazy<SKTypeface> _default = new(() => Load(ResolvePath()), LazyThreadSafetyMode.PublicationOnly);

    public static string ResolvePath()
    {
        string? overridden = Environment.GetEnvironmentVariable(PathVariable);
        return string.IsNullOrWhiteSpace(overridden) ? DefaultPath : overridden;
    }

    /// <summary>Loads the font at <paramref name="path"/> and returns its family name ("OCR B").</summary>
    public static string FamilyName(string path)
    {
        using var typeface = Load(path);
        return typeface.FamilyName;
    }

    internal static SKTypeface Default => _default.Value;

    internal static SKTypeface Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"OCR-B font not found at '{path}'. Install the Debian package '{DebianPackage}' "
                + $"(apt-get install {DebianPackage}) or point {PathVariable} at an OCR-B font file.",
                path);
        }

        return SKTypeface.FromFile(path)
            ?? throw new InvalidDataException(
                $"'{path}' could not be read as a font. Reinstall the Debian package '{DebianPackage}' "
                + $"or point {PathVariable} at an OCR-B font file.");
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace KycOcr.Core.Configuration;

/// <summary>Where the offline MRZ reader finds the OCR-B font its glyph templates are rendered from.</summary>
public sealed class MrzReaderOptions : IValidatableObject
{
    public const string DefaultOcrBFontPath = "/usr/share/fonts/opentype/ocr-b/OCRB.otf";

    /// <summary>OCR-B font file (Debian package fonts-ocr-b); checked at start-up so a missing file is a clear error.</summary>
    [ConfigurationKeyName("OCRB_FONT_PATH"), Required]
    public string OcrBFontPath { get; set; } = DefaultOcrBFontPath;

    /// <summary>With a vision model: also read the MRZ and verify the model's fields against it (the <c>verification</c> section).</summary>
    [ConfigurationKeyName("MRZ_VERIFICATION")]
    public bool VerifyModelReadings { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!File.Exists(OcrBFontPath))
        {
            yield return new ValidationResult(
                $"OCRB_FONT_PATH: no OCR-B font at '{OcrBFontPath}'. Install the Debian package fonts-ocr-b "
                + "or point OCRB_FONT_PATH at an OCR-B font file.",
                [nameof(OcrBFontPath)]);
        }
    }
}

using KycOcr.Core.Configuration;
using KycOcr.Core.Mrz.Reading;
using KycOcr.Core.Portraits;
using KycOcr.Core.Preprocessing;
using KycOcr.Core.Quality;
using Microsoft.Extensions.Options;

namespace KycOcr.TestSupport.Quality;

/// <summary>The service's preprocessing and gate for tests and tools, with one MRZ reader per process as the service holds one.</summary>
public static class JobPreprocessing
{
    /// <summary>Reads OCR-B from fonts-ocr-b (or OCRB_FONT_PATH); safe for concurrent use.</summary>
    public static MrzImageReader Reader { get; } = new(new MrzReaderOptions
    {
        OcrBFontPath = Environment.GetEnvironmentVariable("OCRB_FONT_PATH") is { Length: > 0 } path ? path : MrzReaderOptions.DefaultOcrBFontPath,
    });

    /// <summary>One face finder per process, as the service holds one; safe for concurrent use.</summary>
    public static PortraitFinder Portraits { get; } = new();

    /// <summary>The job's preprocessing with the given settings (defaults elsewhere); it looks for portraits when asked.</summary>
    public static DocumentPreprocessor Create(
        QualityOptions? quality = null, ModelOptions? model = null, ApiOptions? api = null, TimeProvider? clock = null, bool portraits = false) =>
        new(Options.Create(api ?? new ApiOptions()), Options.Create(model ?? new ModelOptions()), Options.Create(quality ?? new QualityOptions()),
            Reader, clock ?? TimeProvider.System, portraits ? Portraits : null);

    public static QualityGate Gate(QualityThresholds thresholds) => new(thresholds, Reader);
}

namespace KycOcr.Core.Quality;

/// <summary>
/// The strictness presets (<c>QUALITY_STRICTNESS</c>), named as the original's. Calibrated on the labelled
/// synthetic set in tests/KycOcr.Core.Tests/Quality (sharp, blurred, dark, overexposed, glare, tiny and
/// document-less photos at 4032x3024, 1600x1200 and 1024x768).
/// </summary>
public static class QualityPresets
{
    public const string Easy = "easy";
    public const string Medium = "medium";
    public const string Hard = "hard";

    public static IReadOnlyList<string> Names { get; } = [Easy, Medium, Hard];

    public static QualityThresholds EasyThresholds { get; } = new(
        MinTextHeight: 6.5, MinBlurScore: 180, MinContrast: 15, MaxGlareSpot: 0.085, GlareLevel: 250,
        MinBrightness: 50, MaxBrightness: 240, MinEdgeDensity: 0.02, MinDocumentCoverage: 0.10, RequireDocument: true);

    // Text height: the reader still reads MRZs whose glyphs are 6 px tall (web-sized specimens 250–320 px wide), and
    // such a zone overrules this check; other print below 7 px is a blur of pixels to a model and a person alike.
    // Glare: a pale card without glare scores up to about 0.07 (the accuracy run's photos), a glare spot 0.095 and more.
    public static QualityThresholds MediumThresholds { get; } = new(
        MinTextHeight: 7, MinBlurScore: 300, MinContrast: 25, MaxGlareSpot: 0.08, GlareLevel: 245,
        MinBrightness: 70, MaxBrightness: 232, MinEdgeDensity: 0.03, MinDocumentCoverage: 0.12, RequireDocument: true);

    public static QualityThresholds HardThresholds { get; } = new(
        MinTextHeight: 8, MinBlurScore: 600, MinContrast: 35, MaxGlareSpot: 0.055, GlareLevel: 245,
        MinBrightness: 90, MaxBrightness: 225, MinEdgeDensity: 0.04, MinDocumentCoverage: 0.15, RequireDocument: true);

    /// <summary>The preset's thresholds, or null for an unknown name.</summary>
    public static QualityThresholds? For(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        Easy => EasyThresholds,
        Medium or "" or null => MediumThresholds,
        Hard => HardThresholds,
        _ => null,
    };
}

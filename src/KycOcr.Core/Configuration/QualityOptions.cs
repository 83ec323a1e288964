using System.ComponentModel.DataAnnotations;
using KycOcr.Core.Quality;
using Microsoft.Extensions.Configuration;

namespace KycOcr.Core.Configuration;

/// <summary>The quality gate's strictness preset and per-threshold overrides (unset = the preset's value).</summary>
public sealed class QualityOptions : IValidatableObject
{
    [ConfigurationKeyName("QUALITY_STRICTNESS")]
    public string Strictness { get; set; } = QualityPresets.Medium;

    [ConfigurationKeyName("QUALITY_MIN_TEXT_HEIGHT"), Range(1, 200)]
    public double? MinTextHeight { get; set; }

    [ConfigurationKeyName("QUALITY_MIN_BLUR_SCORE"), Range(0, 100_000)]
    public double? MinBlurScore { get; set; }

    [ConfigurationKeyName("QUALITY_MIN_CONTRAST"), Range(0, 128)]
    public double? MinContrast { get; set; }

    [ConfigurationKeyName("QUALITY_MAX_GLARE_SPOT"), Range(0, 1)]
    public double? MaxGlareSpot { get; set; }

    [ConfigurationKeyName("QUALITY_GLARE_LEVEL"), Range(1, 255)]
    public double? GlareLevel { get; set; }

    [ConfigurationKeyName("QUALITY_MIN_BRIGHTNESS"), Range(0, 255)]
    public double? MinBrightness { get; set; }

    [ConfigurationKeyName("QUALITY_MAX_BRIGHTNESS"), Range(0, 255)]
    public double? MaxBrightness { get; set; }

    [ConfigurationKeyName("QUALITY_MIN_EDGE_DENSITY"), Range(0, 1)]
    public double? MinEdgeDensity { get; set; }

    [ConfigurationKeyName("QUALITY_MIN_DOCUMENT_COVERAGE"), Range(0, 1)]
    public double? MinDocumentCoverage { get; set; }

    [ConfigurationKeyName("QUALITY_REQUIRE_DOCUMENT")]
    public bool? RequireDocument { get; set; }

    /// <summary>The preset with the overrides applied.</summary>
    public QualityThresholds Thresholds()
    {
        var preset = QualityPresets.For(Strictness)
            ?? throw new InvalidOperationException($"QUALITY_STRICTNESS must be one of {string.Join(", ", QualityPresets.Names)} (was '{Strictness}').");
        return new QualityThresholds(
            MinTextHeight ?? preset.MinTextHeight,
            MinBlurScore ?? preset.MinBlurScore,
            MinContrast ?? preset.MinContrast,
            MaxGlareSpot ?? preset.MaxGlareSpot,
            GlareLevel ?? preset.GlareLevel,
            MinBrightness ?? preset.MinBrightness,
            MaxBrightness ?? preset.MaxBrightness,
            MinEdgeDensity ?? preset.MinEdgeDensity,
            MinDocumentCoverage ?? preset.MinDocumentCoverage,
            RequireDocument ?? preset.RequireDocument);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (QualityPresets.For(Strictness) is null)
        {
            yield return new ValidationResult(
                $"QUALITY_STRICTNESS must be one of {string.Join(", ", QualityPresets.Names)} (was '{Strictness}').", [nameof(Strictness)]);
            yield break;
        }
        var t = Thresholds();
        if (t.MinBrightness >= t.MaxBrightness)
        {
            yield return new ValidationResult(
                $"QUALITY_MIN_BRIGHTNESS ({t.MinBrightness}) must be below QUALITY_MAX_BRIGHTNESS ({t.MaxBrightness}).", [nameof(MinBrightness)]);
        }
    }
}

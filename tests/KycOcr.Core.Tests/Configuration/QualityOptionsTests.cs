using KycOcr.Core.Configuration;
using KycOcr.Core.Quality;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KycOcr.Core.Tests.Configuration;

public sealed class QualityOptionsTests
{
    private static IOptions<QualityOptions> Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddKycOcrCore(configuration).BuildServiceProvider()
            .GetRequiredService<IOptions<QualityOptions>>();
    }

    [Fact]
    public void The_default_is_the_medium_preset()
    {
        Assert.Equal(QualityPresets.MediumThresholds, Bind(new()).Value.Thresholds());
    }

    [Fact]
    public void Strictness_and_overrides_bind_from_their_flat_names()
    {
        var thresholds = Bind(new()
        {
            ["QUALITY_STRICTNESS"] = "hard",
            ["QUALITY_MIN_BLUR_SCORE"] = "450",
            ["QUALITY_MAX_GLARE_SPOT"] = "0.1",
            ["QUALITY_REQUIRE_DOCUMENT"] = "false",
        }).Value.Thresholds();

        Assert.Equal(450, thresholds.MinBlurScore);
        Assert.Equal(0.1, thresholds.MaxGlareSpot);
        Assert.False(thresholds.RequireDocument);
        Assert.Equal(QualityPresets.HardThresholds.MinContrast, thresholds.MinContrast);
    }

    [Theory]
    [InlineData("QUALITY_STRICTNESS", "extreme", "QUALITY_STRICTNESS")]
    [InlineData("QUALITY_MAX_GLARE_SPOT", "2", "MaxGlareSpot")]
    [InlineData("QUALITY_MIN_BRIGHTNESS", "250", "QUALITY_MIN_BRIGHTNESS")]
    public void Invalid_values_stop_the_start_naming_the_setting(string name, string value, string named)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new() { [name] = value }).Value);

        Assert.Contains(named, failure.Message);
    }
}

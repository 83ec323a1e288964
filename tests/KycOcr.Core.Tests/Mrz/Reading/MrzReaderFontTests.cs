using KycOcr.Core.Configuration;
using KycOcr.Core.Mrz.Reading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KycOcr.Core.Tests.Mrz.Reading;

public sealed class MrzReaderFontTests
{
    private const string Missing = "/nonexistent/fonts/OCRB.otf";

    [Fact]
    public void A_missing_font_is_a_clear_error_not_a_crash()
    {
        var e = Assert.Throws<MrzFontUnavailableException>(() => new MrzImageReader(new MrzReaderOptions { OcrBFontPath = Missing }));

        Assert.Contains(Missing, e.Message);
        Assert.Contains("OCRB_FONT_PATH", e.Message);
        Assert.Contains("fonts-ocr-b", e.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_font_is_a_clear_error()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a font");
            var e = Assert.Throws<MrzFontUnavailableException>(() => new MrzImageReader(new MrzReaderOptions { OcrBFontPath = path }));
            Assert.Contains("OCRB_FONT_PATH", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_font_path_is_validated_at_start_up()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["OCRB_FONT_PATH"] = Missing }).Build();
        using var services = new ServiceCollection().AddLogging().AddKycOcrCore(configuration).BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MrzReaderOptions>>().Value);
        Assert.Contains("OCRB_FONT_PATH", e.Message);
    }

    [Fact]
    public void The_default_font_path_is_the_debian_one_and_the_reader_is_a_singleton()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var services = new ServiceCollection().AddLogging().AddKycOcrCore(configuration).BuildServiceProvider();

        Assert.Equal("/usr/share/fonts/opentype/ocr-b/OCRB.otf", services.GetRequiredService<IOptions<MrzReaderOptions>>().Value.OcrBFontPath);
        Assert.Same(services.GetRequiredService<MrzImageReader>(), services.GetRequiredService<MrzImageReader>());
    }
}

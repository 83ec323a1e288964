using KycOcr.Core.Quality;
using KycOcr.TestSupport.Quality;
using Xunit.Abstractions;

namespace KycOcr.Core.Tests.Quality;

/// <summary>
/// The labelled set (generated with fixed seeds at 4032x3024, 1600x1200, 1024x768 and 320x240) judged by
/// each preset: good photos pass, bad ones fail, and for the reason they were made bad.
/// </summary>
public sealed class QualityCalibrationTests(ITestOutputHelper output)
{
    public static TheoryData<string> Labels => new(QualitySamples.All().Select(s => s.Label));

    [Theory]
    [MemberData(nameof(Labels))]
    public void Every_preset_judges_the_labelled_photo_as_labelled(string label)
    {
        var sample = QualitySamples.All().Single(s => s.Label == label);
        var photo = sample.Generate();

        foreach (var preset in QualityPresets.Names)
        {
            using var outcome = new QualityGate(QualityPresets.For(preset)!).Process(photo.Bytes, 50_000_000, 1024);
            var report = outcome.Report;
            output.WriteLine($"{preset}: accepted={report.Accepted} " + string.Join(" ", report.Checks.Select(c => $"{c.Name}={c.Score:0.###}{(c.Passed ? "" : "!")}")));

            Assert.True(sample.Expected.For(preset) == report.Accepted, $"{label} with {preset}: accepted={report.Accepted}");
            if (sample.FailingCheck is { } failing)
                Assert.Contains(failing, report.Failed.Select(c => c.Name));
        }
    }
}

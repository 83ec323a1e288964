using KycOcr.Core.Quality;
using KycOcr.TestSupport.Quality;
using Xunit.Abstractions;

namespace KycOcr.Core.Tests.Quality;

/// <summary>
/// The labelled set (generated with fixed seeds at 4032x3024, 1600x1200, 1024x768 and 320x240) judged by each
/// preset: every check of a good photo passes, and a bad photo fails the check it was made bad for. The verdict
/// then follows what can be read: a bad photo is refused with that check blocking, unless its MRZ still reads
/// clearly (the synthetic documents all carry one), and then it is accepted with the failed check reported, not blocking.
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
            using var outcome = JobPreprocessing.Gate(QualityPresets.For(preset)!).Process(photo.Bytes, 50_000_000, 1024);
            var report = outcome.Report;
            output.WriteLine($"{preset}: accepted={report.Accepted} mrz valid={outcome.Mrz.Reading.Valid} score={outcome.Mrz.Score:0.00} "
                + string.Join(" ", report.Checks.Select(c => $"{c.Name}={c.Score:0.###}{(c.Passed ? "" : "!")}{(c.Blocking ? "B" : "")}")));

            if (sample.Expected.For(preset))
            {
                Assert.True(report.Accepted, $"{label} with {preset}");
                Assert.All(report.Checks, c => Assert.True(c.Passed, $"{label} with {preset}: {c.Name} failed"));
                continue;
            }

            var failing = report.Checks.Single(c => c.Name == sample.FailingCheck);
            Assert.False(failing.Passed, $"{label} with {preset}: {failing.Name} passed");
            if (report.Accepted)
            {
                Assert.True(outcome.Mrz.Reading.Valid || outcome.Mrz.Score >= QualityGate.LegibleMrzScore, $"{label} with {preset}: accepted without a legible MRZ");
                Assert.Empty(report.Blocking);
            }
            else
            {
                Assert.True(failing.Blocking, $"{label} with {preset}: {failing.Name} did not block");
            }
        }
    }

    [Fact]
    public void Bad_photos_whose_mrz_cannot_be_read_are_refused()
    {
        // Blur and a missing document defeat the reader as they defeat a person: these stay refused.
        var unreadable = QualitySamples.All().Where(s => s.Label.StartsWith("motion_blurred", StringComparison.Ordinal) || s.Label.StartsWith("no_document", StringComparison.Ordinal));

        foreach (var sample in unreadable)
        {
            using var outcome = JobPreprocessing.Gate(QualityPresets.MediumThresholds).Process(sample.Generate().Bytes, 50_000_000, 1024);

            Assert.False(outcome.Report.Accepted, sample.Label);
            Assert.Contains(outcome.Report.Blocking, c => c.Name == sample.FailingCheck);
        }
    }
}

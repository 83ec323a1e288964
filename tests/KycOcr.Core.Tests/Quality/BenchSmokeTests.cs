using KycOcr.Bench;
using KycOcr.TestSupport.Images;

namespace KycOcr.Core.Tests.Quality;

/// <summary>The benchmark's two pipelines run on a small photo, and its arithmetic is checked, so the bench cannot rot unnoticed.</summary>
public sealed class BenchSmokeTests
{
    [Fact]
    public void Both_pipelines_find_the_document_and_the_service_sends_the_model_its_budget_not_more()
    {
        var photo = DocumentPhotos.Good();

        var ours = Measurement.Take("ours", "good.jpg", photo, OurPipeline.Run, 3);
        var baseline = Measurement.Take("baseline", "good.jpg", photo, OriginalPipeline.Run, 3);

        // A pipeline that refuses the photo or finds no document returns 0 bytes.
        Assert.InRange(ours.OutputBytes, 10_000, 1_000_000);
        Assert.InRange(baseline.OutputBytes, 10_000, 5_000_000);
        Assert.All(new[] { ours, baseline }, m => Assert.True(m.MinMs > 0 && m.MinMs <= m.MedianMs, $"{m}"));
    }

    [Fact]
    public void Turns_combine_to_the_median_of_their_medians_the_least_minimum_and_the_highest_peak()
    {
        Measurement Turn(double median, double min, double peak) => new("ours", "x.jpg", median, min, peak, 1);

        var combined = Measurement.Combine([Turn(120, 100, 5), Turn(90, 80, 9), Turn(300, 95, 7)]);

        Assert.Equal((120.0, 80.0, 9.0), (combined.MedianMs, combined.MinMs, combined.PeakMbBeyondIdle));
    }
}

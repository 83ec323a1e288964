using KycOcr.Bench;
using KycOcr.TestSupport.Images;

namespace KycOcr.Core.Tests.Quality;

/// <summary>The benchmark's two pipelines run once on a small photo, so the bench cannot rot unnoticed.</summary>
public sealed class BenchSmokeTests
{
    [Fact]
    public void Both_pipelines_run_and_produce_a_jpeg()
    {
        var photo = DocumentPhotos.Good();

        var ours = Measurement.Take("ours", "good.jpg", photo, OurPipeline.Run, 1);
        var baseline = Measurement.Take("baseline", "good.jpg", photo, OriginalPipeline.Run, 1);

        Assert.True(ours.OutputBytes > 0);
        Assert.True(baseline.OutputBytes > 0);
        Assert.True(ours.MedianMs > 0 && baseline.MedianMs > 0);
    }
}

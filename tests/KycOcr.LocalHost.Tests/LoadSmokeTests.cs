using KycOcr.Load;

namespace KycOcr.LocalHost.Tests;

/// <summary>A small sample of the load program (bench/KycOcr.Load), so it keeps working; the full run is a separate command.</summary>
public sealed class LoadSmokeTests
{
    [Fact]
    public async Task A_small_load_run_finishes_every_job_and_leaves_nothing_behind()
    {
        var options = new LoadOptions
        {
            Jobs = 6,
            Concurrency = 3,
            DistinctPhotos = 2,
            WarmUpJobs = 3,
            PhotoWidth = 1600,
            PhotoHeight = 1200,
            ModelLatency = TimeSpan.FromMilliseconds(100),
        };

        var report = await LoadRun.RunAsync(options, TextWriter.Null);

        Assert.Equal(6, report.Succeeded);
        Assert.Equal(0, report.BlobsLeft);
        Assert.True(report.ResultP50Ms >= 100, report.ToTable());
        Assert.True(report.SubmitP50Ms <= report.ResultP50Ms, report.ToTable());
        Assert.True(report.PeakMemoryMb >= report.IdleMemoryMb && report.IdleMemoryMb > 0, report.ToTable());
        // Every process of the run did some work for the measured jobs.
        Assert.All(report.CpuMsPerJob.Values, ms => Assert.True(ms > 0, report.ToTable()));
    }

    [Fact]
    public void Options_parse_the_documented_arguments()
    {
        var options = LoadOptions.Parse(["--jobs", "200", "--concurrency", "16", "--warmup", "8", "--model-latency-ms", "500", "--size", "1600x1200", "--noise", "3.5",
            "--set", "QUALITY_STRICTNESS=easy"]);

        Assert.Equal((200, 16, 8, 500.0, 1600, 1200),
            (options.Jobs, options.Concurrency, options.WarmUpJobs, options.ModelLatency.TotalMilliseconds, options.PhotoWidth, options.PhotoHeight));
        Assert.Equal(("easy", 3.5), (options.ServiceSettings["QUALITY_STRICTNESS"], options.PhotoNoiseSigma));
        Assert.Throws<ArgumentException>(() => LoadOptions.Parse(["--jobs"]));
        Assert.Throws<ArgumentException>(() => LoadOptions.Parse(["--set", "no-equals-sign"]));
    }
}

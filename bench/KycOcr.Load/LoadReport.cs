using System.Globalization;
using System.Text;

namespace KycOcr.Load;

/// <summary>What a load run measured. Latencies in milliseconds; memory of the service process in MB.</summary>
public sealed record LoadReport(
    LoadOptions Options,
    double PhotoMb,
    int Succeeded,
    int NotSucceeded,
    double WallSeconds,
    double JobsPerSecond,
    double SubmissionsPerSecond,
    double SubmitP50Ms,
    double SubmitP95Ms,
    double ResultP50Ms,
    double ResultP95Ms,
    double PreprocessingP50Ms,
    double ExtractionP50Ms,
    double IdleMemoryMb,
    double PeakMemoryMb,
    IReadOnlyDictionary<string, double> CpuMsPerJob,
    int BlobsLeft,
    IReadOnlyDictionary<string, int> Outcomes)
{
    public string ToTable()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"jobs {Options.Jobs}, concurrency {Options.Concurrency}, model latency {Options.ModelLatency.TotalMilliseconds} ms, MRZ verification {(Options.MrzVerification ? "on" : "off")}, photos {Options.PhotoWidth}x{Options.PhotoHeight} JPEG of {PhotoMb:0.0} MB on average, {Options.WarmUpJobs} warm-up jobs first{string.Concat(Options.ServiceSettings.Select(p => $", {p.Key}={p.Value}"))}");
        text.AppendLine(c, $"succeeded             {Succeeded} (not succeeded: {NotSucceeded}, upload blobs left: {BlobsLeft})");
        text.AppendLine(c, $"outcomes              {string.Join(", ", Outcomes.Select(o => $"{o.Key.Trim()}: {o.Value}"))}");
        text.AppendLine(c, $"wall time             {WallSeconds:0.0} s");
        text.AppendLine(c, $"jobs per second       {JobsPerSecond:0.00}");
        text.AppendLine(c, $"submissions/s         {SubmissionsPerSecond:0.00}");
        text.AppendLine(c, $"submit latency        p50 {SubmitP50Ms:0} ms, p95 {SubmitP95Ms:0} ms");
        text.AppendLine(c, $"submit to result      p50 {ResultP50Ms:0} ms, p95 {ResultP95Ms:0} ms (p50 is {ResultP50Ms - Options.ModelLatency.TotalMilliseconds:0} ms above the model's latency)");
        text.AppendLine(c, $"inside the job        preprocessing p50 {PreprocessingP50Ms:0} ms, extraction p50 {ExtractionP50Ms:0} ms (model call and MRZ verification)");
        text.AppendLine(c, $"service memory (RSS)  idle {IdleMemoryMb:0} MB, peak {PeakMemoryMb:0} MB");
        text.AppendLine(c, $"CPU per job           {string.Join(", ", CpuMsPerJob.Select(p => $"{p.Key} {p.Value:0} ms"))}; {CpuMsPerJob.Values.Sum():0} ms in all, so {Environment.ProcessorCount} cores allow at most {CeilingJobsPerSecond:0.0} jobs/s");
        return text.ToString();
    }

    /// <summary>Jobs per second the machine's cores could give at this CPU cost per job, were they never idle.</summary>
    public double CeilingJobsPerSecond => Environment.ProcessorCount * 1000.0 / Math.Max(1, CpuMsPerJob.Values.Sum());

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
            return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}

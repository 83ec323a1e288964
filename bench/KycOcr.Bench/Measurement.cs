using System.Diagnostics;

namespace KycOcr.Bench;

/// <summary>Median time and peak resident memory beyond idle of repeated runs of one pipeline.</summary>
public sealed record Measurement(string Pipeline, string Image, double MedianMs, double MinMs, double PeakMbBeyondIdle, int OutputBytes)
{
    /// <summary>Runs <paramref name="run"/> <paramref name="iterations"/> times while a sampler polls the resident set.</summary>
    public static Measurement Take(string pipeline, string image, byte[] bytes, Func<byte[], int> run, int iterations)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var idle = ResidentBytes();
        long peak = idle;
        using var stop = new CancellationTokenSource();
        var sampler = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var now = ResidentBytes();
                if (now > Interlocked.Read(ref peak))
                    Interlocked.Exchange(ref peak, now);
                Thread.Sleep(1);
            }
        }) { IsBackground = true };
        sampler.Start();

        var times = new List<double>();
        var output = 0;
        for (var i = 0; i < iterations; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            output = run(bytes);
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
        stop.Cancel();
        sampler.Join();
        times.Sort();
        return new Measurement(pipeline, image, times[times.Count / 2], times[0], (Interlocked.Read(ref peak) - idle) / 1048576.0, output);
    }

    /// <summary>Several turns of one pipeline: the median of their medians, the least minimum, the highest peak.</summary>
    public static Measurement Combine(IReadOnlyList<Measurement> turns)
    {
        var medians = turns.Select(t => t.MedianMs).Order().ToList();
        return turns[0] with
        {
            MedianMs = medians[medians.Count / 2],
            MinMs = turns.Min(t => t.MinMs),
            PeakMbBeyondIdle = turns.Max(t => t.PeakMbBeyondIdle),
        };
    }

    /// <summary>Resident set size from /proc (Linux); falls back to the working set elsewhere.</summary>
    public static long ResidentBytes()
    {
        try
        {
            var fields = File.ReadAllText("/proc/self/statm").Split(' ');
            return long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }
        catch (IOException)
        {
            using var self = Process.GetCurrentProcess();
            return self.WorkingSet64;
        }
    }
}

namespace KycOcr.Load;

/// <summary>One load run: how many jobs, how many clients at once, how slow the model is, how big the photos are.</summary>
public sealed record LoadOptions
{
    /// <summary>Jobs submitted in all.</summary>
    public int Jobs { get; init; } = 200;

    /// <summary>Clients at once; each submits, polls its job to the end, then submits the next (as the original was measured).</summary>
    public int Concurrency { get; init; } = 16;

    public TimeSpan ModelLatency { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Distinct photos generated before the clock starts and sent in turn.</summary>
    public int DistinctPhotos { get; init; } = 8;

    public int PhotoWidth { get; init; } = 4032;
    public int PhotoHeight { get; init; } = 3024;

    /// <summary>
    /// Sensor noise (Gaussian sigma, grey levels) added to the generated photos. Clean renders compress to about
    /// 1 MB at 12 MP; at 6 they come to about 3 MB, like a phone's photos, and decoding costs more per megabyte.
    /// </summary>
    public double PhotoNoiseSigma { get; init; } = 6;

    /// <summary>Verify the model's fields against the MRZ, as the service does by default.</summary>
    public bool MrzVerification { get; init; } = true;

    /// <summary>Jobs run at full concurrency before the clock starts (default: two per client).</summary>
    public int WarmUpJobs { get; init; } = 32;

    /// <summary>Settings (environment variables) given to the service on top of the run's own, from <c>--set NAME=VALUE</c>.</summary>
    public IReadOnlyDictionary<string, string> ServiceSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Interval between polls of one job.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--jobs" or "-n" => options with { Jobs = int.Parse(value) },
                "--concurrency" or "-c" => options with { Concurrency = int.Parse(value) },
                "--model-latency-ms" => options with { ModelLatency = TimeSpan.FromMilliseconds(int.Parse(value)) },
                "--mrz-verification" => options with { MrzVerification = bool.Parse(value) },
                "--set" when value.IndexOf('=') > 0 => options with
                {
                    ServiceSettings = new Dictionary<string, string>(options.ServiceSettings) { [value[..value.IndexOf('=')]] = value[(value.IndexOf('=') + 1)..] },
                },
                "--set" => throw new ArgumentException($"--set takes NAME=VALUE, not {value}."),
                "--poll-ms" => options with { PollInterval = TimeSpan.FromMilliseconds(int.Parse(value)) },
                "--warmup" => options with { WarmUpJobs = int.Parse(value) },
                "--noise" => options with { PhotoNoiseSigma = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "--photos" => options with { DistinctPhotos = int.Parse(value) },
                "--size" => options with
                {
                    PhotoWidth = int.Parse(value.Split('x')[0]),
                    PhotoHeight = int.Parse(value.Split('x')[1]),
                },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        if (args.Count % 2 != 0)
            throw new ArgumentException($"Option {args[^1]} needs a value.");
        return options;
    }
}

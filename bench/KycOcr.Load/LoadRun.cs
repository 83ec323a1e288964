using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Azure.Storage.Blobs;
using KycOcr.Core.Storage;
using KycOcr.Samples;
using KycOcr.TestSupport.Hosting;
using KycOcr.TestSupport.Http;
using KycOcr.TestSupport.Model;
using KycOcr.TestSupport.Storage;

namespace KycOcr.Load;

/// <summary>
/// Starts Azurite, a model server of fixed latency and <c>kycocr serve</c> as its own process, then runs
/// closed-loop clients against it: each submits a generated photo, polls until its job ends, and goes again.
/// </summary>
public static class LoadRun
{
    public static async Task<LoadReport> RunAsync(LoadOptions options, TextWriter progress)
    {
        await progress.WriteLineAsync($"Generating {options.DistinctPhotos} photos of {options.PhotoWidth}x{options.PhotoHeight}...");
        var photos = Enumerable.Range(0, options.DistinctPhotos).Select(i => Photo(options, i)).ToArray();

        await using var azurite = await Azurite.StartNewAsync();
        await using var model = await LoopbackModelServer.StartAsync();
        model.Default = ModelReply.Delayed(options.ModelLatency, ModelReply.Document(SampleDocuments.Passport()));
        // The load run measures the service's capacity, which can exceed one key's production share of submissions.
        var settings = KycOcrTestHost.SettingsFor(azurite.ConnectionString, model,
        [
            ("TASK_HUB_NAME", "load"), ("RATE_LIMIT_PER_MINUTE", "0"), ("MRZ_VERIFICATION", options.MrzVerification ? "true" : "false"),
            .. options.ServiceSettings.Select(s => (s.Key, s.Value)),
        ]);

        await using var service = await ServeProcess.StartAsync(settings, ServeProcess.FreePort());
        using var client = new ServiceClient(service.Address);
        await progress.WriteLineAsync("Warming up with one job...");
        var warmUp = await client.SubmitAsync(photos[0]);
        await client.WaitForResultAsync(warmUp.Id);
        var idle = service.Memory().Current;
        if (options.WarmUpJobs > 0)
        {
            // The runtime compiles its hot code again, optimised, in its first minute under load: a run that
            // starts cold measures that compiler as much as the service.
            await progress.WriteLineAsync($"Warming up with {options.WarmUpJobs} jobs at full concurrency...");
            await RunClientsAsync(service.Address, photos, options.WarmUpJobs, options, new Measurements());
        }

        await progress.WriteLineAsync($"Running {options.Jobs} jobs with {options.Concurrency} clients...");
        var cpu = ProcessCpu.Start(new Dictionary<string, int>
        {
            ["service"] = service.ProcessId,
            ["Azurite"] = azurite.ProcessId ?? throw new InvalidOperationException("Azurite is not running."),
            ["clients and model server"] = Environment.ProcessId,
        });
        var measured = new Measurements();
        var wall = Stopwatch.StartNew();
        await RunClientsAsync(service.Address, photos, options.Jobs, options, measured);
        wall.Stop();

        var memory = service.Memory();
        var failures = measured.Failures;
        return new LoadReport(
            options,
            PhotoMb: photos.Average(p => p.Length) / 1048576.0,
            Succeeded: options.Jobs - failures,
            NotSucceeded: failures,
            WallSeconds: wall.Elapsed.TotalSeconds,
            JobsPerSecond: (options.Jobs - failures) / wall.Elapsed.TotalSeconds,
            SubmissionsPerSecond: options.Jobs / wall.Elapsed.TotalSeconds,
            SubmitP50Ms: LoadReport.Percentile([.. measured.SubmitMs], 50),
            SubmitP95Ms: LoadReport.Percentile([.. measured.SubmitMs], 95),
            ResultP50Ms: LoadReport.Percentile([.. measured.ResultMs], 50),
            ResultP95Ms: LoadReport.Percentile([.. measured.ResultMs], 95),
            PreprocessingP50Ms: LoadReport.Percentile([.. measured.PreprocessingMs], 50),
            ExtractionP50Ms: LoadReport.Percentile([.. measured.ExtractionMs], 50),
            IdleMemoryMb: idle / 1048576.0,
            PeakMemoryMb: memory.Peak / 1048576.0,
            CpuMsPerJob: cpu.PerJobMs(options.Jobs),
            BlobsLeft: await CountBlobsAsync(azurite.ConnectionString, settings["UPLOADS_CONTAINER"]!),
            Outcomes: measured.Outcomes.OrderBy(o => o.Key).ToDictionary());
    }

    /// <summary>What the clients saw, added to from every client at once.</summary>
    private sealed class Measurements
    {
        public ConcurrentBag<double> SubmitMs { get; } = [];
        public ConcurrentBag<double> ResultMs { get; } = [];
        public ConcurrentBag<double> PreprocessingMs { get; } = [];
        public ConcurrentBag<double> ExtractionMs { get; } = [];
        private int _failures;

        public ConcurrentDictionary<string, int> Outcomes { get; } = new();
        public int Failures => _failures;

        public void Fail(string outcome)
        {
            Interlocked.Increment(ref _failures);
            Count(outcome);
        }

        public void Count(string outcome) => Outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
    }

    /// <summary>Closed loop: <see cref="LoadOptions.Concurrency"/> clients take the next of <paramref name="jobs"/> until none is left.</summary>
    private static async Task RunClientsAsync(Uri service, byte[][] photos, int jobs, LoadOptions options, Measurements measured)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            using var http = new ServiceClient(service);
            int job;
            while ((job = Interlocked.Increment(ref next)) < jobs)
            {
                var clock = Stopwatch.StartNew();
                var submitted = await http.SubmitAsync(photos[job % photos.Length]);
                measured.SubmitMs.Add(clock.Elapsed.TotalMilliseconds);
                if (submitted.Status != HttpStatusCode.Accepted)
                {
                    measured.Fail($"submit {(int)submitted.Status} {submitted.Code}");
                    continue;
                }
                var result = await http.WaitForResultAsync(submitted.Id, TimeSpan.FromMinutes(5), options.PollInterval);
                measured.ResultMs.Add(clock.Elapsed.TotalMilliseconds);
                var outcome = $"result {(int)result.Status} {(result.Json is null ? "" : result.Code)}";
                if (result.Status != HttpStatusCode.OK)
                {
                    measured.Fail(outcome);
                    continue;
                }
                measured.Count(outcome);
                var timings = result.Body.GetProperty("timings_ms");
                measured.PreprocessingMs.Add(timings.GetProperty("preprocessing").GetDouble());
                measured.ExtractionMs.Add(timings.GetProperty("extraction").GetDouble());
            }
        }));
    }

    private static byte[] Photo(LoadOptions options, int index)
    {
        var kinds = Enum.GetValues<DocumentKind>();
        var spec = SyntheticDocumentGenerator.SpecimenSpec(kinds[index % kinds.Length], seed: 1000 + index);
        spec = spec with
        {
            FrameWidth = options.PhotoWidth,
            FrameHeight = options.PhotoHeight,
            Degradations = spec.Degradations with { NoiseSigma = options.PhotoNoiseSigma },
        };
        return SyntheticDocumentGenerator.Generate(spec).Bytes;
    }

    // Uploads and prepared images left behind; portrait crops stay with their results until RESULT_TTL by design.
    private static async Task<int> CountBlobsAsync(string connectionString, string container)
    {
        var count = 0;
        var client = new BlobServiceClient(connectionString).GetBlobContainerClient(container);
        await foreach (var blob in client.GetBlobsAsync())
        {
            if (!BlobJobStore.IsPortraitBlob(blob.Name))
                count++;
        }
        return count;
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Azure.Storage.Blobs;
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
        var settings = KycOcrTestHost.DefaultSettings(azurite.ConnectionString);
        settings["OPENAI_BASE_URL"] = model.OpenAiBaseUrl.ToString();
        settings["TASK_HUB_NAME"] = "load";
        // Sixteen clients polling every 250 ms is far beyond one key's fair share: the limit is for production.
        settings["RATE_LIMIT_PER_MINUTE"] = "0";
        settings["MRZ_VERIFICATION"] = options.MrzVerification ? "true" : "false";

        await using var service = await ServeProcess.StartAsync(settings, ServeProcess.FreePort());
        using var client = new ServiceClient(service.Address);
        await progress.WriteLineAsync("Warming up with one job...");
        var warmUp = await client.SubmitAsync(photos[0]);
        await client.WaitForResultAsync(warmUp.Id);
        var idle = service.Memory().Current;

        await progress.WriteLineAsync($"Running {options.Jobs} jobs with {options.Concurrency} clients...");
        var submitMs = new ConcurrentBag<double>();
        var resultMs = new ConcurrentBag<double>();
        var failures = 0;
        var outcomes = new ConcurrentDictionary<string, int>();
        var preprocessingMs = new ConcurrentBag<double>();
        var extractionMs = new ConcurrentBag<double>();
        var next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            using var http = new ServiceClient(service.Address);
            int job;
            while ((job = Interlocked.Increment(ref next)) < options.Jobs)
            {
                var clock = Stopwatch.StartNew();
                var submitted = await http.SubmitAsync(photos[job % photos.Length]);
                submitMs.Add(clock.Elapsed.TotalMilliseconds);
                if (submitted.Status != HttpStatusCode.Accepted)
                {
                    Interlocked.Increment(ref failures);
                    outcomes.AddOrUpdate($"submit {(int)submitted.Status} {submitted.Code}", 1, (_, n) => n + 1);
                    continue;
                }
                var result = await http.WaitForResultAsync(submitted.Id, TimeSpan.FromMinutes(5), options.PollInterval);
                resultMs.Add(clock.Elapsed.TotalMilliseconds);
                outcomes.AddOrUpdate($"result {(int)result.Status} {(result.Json is null ? "" : result.Code)}", 1, (_, n) => n + 1);
                if (result.Status != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                    continue;
                }
                var timings = result.Body.GetProperty("timings_ms");
                preprocessingMs.Add(timings.GetProperty("preprocessing").GetDouble());
                extractionMs.Add(timings.GetProperty("extraction").GetDouble());
            }
        }));
        wall.Stop();

        var memory = service.Memory();
        return new LoadReport(
            options,
            Succeeded: options.Jobs - failures,
            NotSucceeded: failures,
            WallSeconds: wall.Elapsed.TotalSeconds,
            JobsPerSecond: (options.Jobs - failures) / wall.Elapsed.TotalSeconds,
            SubmissionsPerSecond: options.Jobs / wall.Elapsed.TotalSeconds,
            SubmitP50Ms: LoadReport.Percentile([.. submitMs], 50),
            SubmitP95Ms: LoadReport.Percentile([.. submitMs], 95),
            ResultP50Ms: LoadReport.Percentile([.. resultMs], 50),
            ResultP95Ms: LoadReport.Percentile([.. resultMs], 95),
            PreprocessingP50Ms: LoadReport.Percentile([.. preprocessingMs], 50),
            ExtractionP50Ms: LoadReport.Percentile([.. extractionMs], 50),
            IdleMemoryMb: idle / 1048576.0,
            PeakMemoryMb: memory.Peak / 1048576.0,
            BlobsLeft: await CountBlobsAsync(azurite.ConnectionString, settings["UPLOADS_CONTAINER"]!),
            Outcomes: outcomes.OrderBy(o => o.Key).ToDictionary());
    }

    private static byte[] Photo(LoadOptions options, int index)
    {
        var kinds = Enum.GetValues<DocumentKind>();
        var spec = SyntheticDocumentGenerator.SpecimenSpec(kinds[index % kinds.Length], seed: 1000 + index) with
        {
            FrameWidth = options.PhotoWidth,
            FrameHeight = options.PhotoHeight,
        };
        return SyntheticDocumentGenerator.Generate(spec).Bytes;
    }

    private static async Task<int> CountBlobsAsync(string connectionString, string container)
    {
        var count = 0;
        var client = new BlobServiceClient(connectionString).GetBlobContainerClient(container);
        await foreach (var _ in client.GetBlobsAsync())
            count++;
        return count;
    }
}

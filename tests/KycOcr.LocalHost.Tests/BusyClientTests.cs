using System.Collections.Concurrent;
using System.Net;
using KycOcr.Samples;
using KycOcr.TestSupport.Model;
using KycOcr.TestSupport.Storage;

namespace KycOcr.LocalHost.Tests;

/// <summary>
/// A KYC back end as the original's clients are written: one API key for all its traffic, many jobs in flight,
/// each polled every 200 ms until it ends. With the default limits, no job may end on a 429.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BusyClientTests(AzuriteFixture azurite) : LocalServiceTestBase(azurite.ConnectionString)
{
    private const int Jobs = 100;
    private const int Concurrency = 16;

    [Fact]
    public async Task One_key_with_16_jobs_in_flight_polling_every_200_ms_finishes_100_jobs_without_a_429()
    {
        // Small photos: the test is about the API's limits, not the gate's speed.
        var photos = Enumerable.Range(0, 4).Select(i =>
        {
            var spec = SyntheticDocumentGenerator.SpecimenSpec(DocumentKind.PassportTd3, seed: 300 + i);
            return SyntheticDocumentGenerator.Generate(spec with { FrameWidth = 800, FrameHeight = 600 }).Bytes;
        }).ToArray();
        // Each job lasts a few seconds, as with a real model, so that it is polled a dozen times.
        Model.Default = ModelReply.Delayed(TimeSpan.FromSeconds(2.5), ModelReply.Document(SampleDocuments.Passport()));
        var outcomes = new ConcurrentDictionary<string, int>();
        var polls = 0;
        var next = -1;

        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int job;
            while ((job = Interlocked.Increment(ref next)) < Jobs)
            {
                var submitted = await Client.SubmitAsync(photos[job % photos.Length]);
                var outcome = submitted;
                if (submitted.Status == HttpStatusCode.Accepted)
                {
                    do
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(200));
                        outcome = await Client.StatusAsync(submitted.Id);
                        Interlocked.Increment(ref polls);
                    }
                    while (outcome.Status == HttpStatusCode.Accepted);
                }
                var key = outcome.Status == HttpStatusCode.OK ? "200" : $"{(int)outcome.Status} {outcome.Code}";
                outcomes.AddOrUpdate(key, 1, (_, n) => n + 1);
            }
        }));

        var seen = string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}"));
        Assert.Equal(new[] { $"200: {Jobs}" }, outcomes.Select(o => $"{o.Key}: {o.Value}"));
        // More requests than two minutes' worth of submissions: however the minute's window fell, a limit that
        // counted polls with submissions would have refused some.
        Assert.True(polls + Jobs > 2 * 600, $"{polls} polls; {seen}");
    }
}

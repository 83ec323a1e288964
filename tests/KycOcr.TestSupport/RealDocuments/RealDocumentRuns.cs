using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using KycOcr.TestSupport.Hosting;
using KycOcr.TestSupport.Http;
using KycOcr.TestSupport.Storage;

namespace KycOcr.TestSupport.RealDocuments;

/// <summary>The ways a real image reaches an answer, each turned into a <see cref="RealDocumentOutcome"/>.</summary>
public static class RealDocumentRuns
{
    /// <summary>
    /// The service as a client meets it: Azurite and <c>kycocr serve</c> (its own process, the offline extractor,
    /// default settings) started here, every image sent to <c>POST /read_text</c> and polled on <c>GET /id</c>.
    /// The caller references the Cli project, so kycocr.dll is beside it.
    /// </summary>
    public static async Task<RealDocumentReport> ViaServiceAsync(RealDocumentSet set, Action<RealDocumentOutcome>? progress = null, int inFlight = 2)
    {
        await using var azurite = await Azurite.StartNewAsync();
        var settings = KycOcrTestHost.DefaultSettings(azurite.ConnectionString);
        settings["TASK_HUB_NAME"] = "accuracy";
        settings["RATE_LIMIT_PER_MINUTE"] = "0";
        await using var service = await ServeProcess.StartAsync(settings, ServeProcess.FreePort());
        using var client = new ServiceClient(service.Address);

        var outcomes = new ConcurrentDictionary<int, RealDocumentOutcome>();
        await Parallel.ForEachAsync(Enumerable.Range(0, set.Documents.Count), new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (i, _) =>
        {
            var document = set.Documents[i];
            var stopwatch = Stopwatch.StartNew();
            var submitted = await client.SubmitAsync(await File.ReadAllBytesAsync(document.Path, CancellationToken.None));
            var reply = submitted.Status == HttpStatusCode.Accepted
                ? await client.WaitForResultAsync(submitted.Id, TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(100))
                : submitted;
            RealDocumentOutcome outcome;
            try
            {
                outcome = FromReply(document, reply, stopwatch.Elapsed.TotalMilliseconds);
            }
            catch (InvalidOperationException e)
            {
                // An answer the contract does not have (a 500): the service's own log says why.
                throw new InvalidOperationException(e.Message + "\nservice log, last lines:\n" + string.Join("\n", service.RecentLog().TakeLast(40)), e);
            }

            outcomes[i] = outcome;
            progress?.Invoke(outcome);
        });

        return new RealDocumentReport("service " + set.Folder, [.. outcomes.OrderBy(o => o.Key).Select(o => o.Value)]);
    }

    /// <summary>A job's answer: the result's MRZ (200) or the refusal's (422, where one was seen).</summary>
    public static RealDocumentOutcome FromReply(RealDocument document, Reply reply, double milliseconds)
    {
        if (reply.Status == HttpStatusCode.OK)
        {
            var mrz = reply.Body.GetProperty("mrz");
            return FromReading(document, mrz, refusal: null, milliseconds);
        }

        if ((int)reply.Status == 422)
        {
            var mrz = reply.Body.TryGetProperty("mrz", out var seen) ? seen : (JsonElement?)null;
            return mrz is { ValueKind: JsonValueKind.Object } reading
                ? FromReading(document, reading, reply.Code, milliseconds) with { Valid = false }
                : new RealDocumentOutcome(document, Found: false, Valid: false, [], reply.Code, milliseconds);
        }

        throw new InvalidOperationException($"{document.Name}: unexpected answer {reply}");
    }

    /// <summary>An MRZ reading as JSON (<c>kycocr mrz</c>'s output, a result's or a refusal's <c>mrz</c>).</summary>
    public static RealDocumentOutcome FromReading(RealDocument document, JsonElement mrz, string? refusal, double milliseconds)
    {
        var found = mrz.GetProperty("found").GetBoolean();
        var lines = found ? mrz.GetProperty("lines").EnumerateArray().Select(l => l.GetString()!).ToArray() : [];
        return new RealDocumentOutcome(document, found, mrz.GetProperty("valid").GetBoolean(), lines, refusal, milliseconds);
    }

    /// <summary>An MRZ reading as a job hands it on (a result's or a refusal's <c>mrz</c>).</summary>
    public static RealDocumentOutcome FromReading(RealDocument document, Core.Mrz.MrzReading mrz, string? refusal, double milliseconds) =>
        new(document, mrz.Found, mrz.Valid, mrz.Found ? [.. mrz.Lines] : [], refusal, milliseconds);
}

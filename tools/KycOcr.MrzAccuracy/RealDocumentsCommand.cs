using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KycOcr.Cli;
using KycOcr.TestSupport.RealDocuments;
using Microsoft.Extensions.Configuration;

namespace KycOcr.MrzAccuracy;

/// <summary>
/// <c>--real &lt;folder&gt;</c>: every image of a real-document folder through the service over HTTP and through
/// <c>kycocr mrz</c>, with each path's figures, and floors that fail the run (exit 1) when missed.
/// </summary>
internal static class RealDocumentsCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var folder = Value(args, "--real") ?? throw new ArgumentException("--real <folder>");
        var via = Value(args, "--via") ?? "both";
        bool verbose = args.Contains("--verbose");
        var floors = new Floors(
            MinRight: Number(args, "--min-right"),
            MinValid: Number(args, "--min-valid"),
            MaxValidButWrong: Number(args, "--max-valid-but-wrong") ?? 0,
            MaxFoundWithoutMrz: Number(args, "--max-found-without-mrz") ?? 0,
            ValidPrefix: Value(args, "--valid-prefix"));

        var set = RealDocumentSet.Load(folder);
        Action<RealDocumentOutcome>? progress = verbose ? o => Console.WriteLine(RealDocumentReport.Line(o)) : null;
        var reports = new List<RealDocumentReport>();
        if (via is "service" or "both")
            reports.Add(await RealDocumentRuns.ViaServiceAsync(set, progress));
        if (via is "mrz" or "both")
            reports.Add(await ViaMrzCommandAsync(set, progress));

        var missed = new List<string>();
        foreach (var report in reports)
        {
            Console.Write(report.Details());
            Console.WriteLine(report.Summary());
            missed.AddRange(floors.Missed(report));
        }

        if (reports.Count == 2)
        {
            // One read path: the service and the command give the same answer for every image.
            foreach (var (service, command) in reports[0].Outcomes.Zip(reports[1].Outcomes))
            {
                if (service.Found != command.Found || service.Valid != command.Valid || !service.Lines.SequenceEqual(command.Lines))
                    missed.Add($"{service.Document.Name}: the service read {string.Join("|", service.Lines)} ({(service.Valid ? "valid" : "not valid")}), kycocr mrz {string.Join("|", command.Lines)} ({(command.Valid ? "valid" : "not valid")})");
            }
        }

        foreach (var miss in missed)
            Console.WriteLine("MISSED " + miss);
        return missed.Count == 0 ? 0 : 1;
    }

    /// <summary><c>kycocr mrz</c> on each image, in this process, with the default settings.</summary>
    private static async Task<RealDocumentReport> ViaMrzCommandAsync(RealDocumentSet set, Action<RealDocumentOutcome>? progress)
    {
        var configuration = new ConfigurationBuilder().Build();
        var outcomes = new List<RealDocumentOutcome>();
        foreach (var document in set.Documents)
        {
            var stopwatch = Stopwatch.StartNew();
            var stdout = new StringWriter();
            int exit = await KycOcrCli.RunAsync(["mrz", document.Path], configuration, stdout, new StringWriter());
            using var json = JsonDocument.Parse(stdout.ToString());
            if (exit == 2)
                throw new InvalidOperationException($"kycocr mrz {document.Name}: {stdout}");
            var outcome = RealDocumentRuns.FromReading(document, json.RootElement, refusal: null, stopwatch.Elapsed.TotalMilliseconds);
            outcomes.Add(outcome);
            progress?.Invoke(outcome);
        }

        return new RealDocumentReport("kycocr mrz " + set.Folder, outcomes);
    }

    private static string? Value(string[] args, string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

    private static int? Number(string[] args, string name) => Value(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    /// <param name="ValidPrefix">Every image whose file name starts with this must read valid (PassportEye's own score of 100).</param>
    private sealed record Floors(int? MinRight, int? MinValid, int MaxValidButWrong, int MaxFoundWithoutMrz, string? ValidPrefix)
    {
        public IEnumerable<string> Missed(RealDocumentReport report)
        {
            if (MinRight is { } right && report.Right < right)
                yield return $"{report.Path}: {report.Right} read right, the floor is {right}";
            if (MinValid is { } valid && report.Valid < valid)
                yield return $"{report.Path}: {report.Valid} valid, the floor is {valid}";
            if (report.ValidButWrong > MaxValidButWrong)
                yield return $"{report.Path}: {report.ValidButWrong} valid but wrong, at most {MaxValidButWrong} allowed";
            if (report.FoundWithoutMrz > MaxFoundWithoutMrz)
                yield return $"{report.Path}: an MRZ found on {report.FoundWithoutMrz} images without one, at most {MaxFoundWithoutMrz} allowed";
            if (ValidPrefix is not null)
            {
                foreach (var o in report.Outcomes.Where(o => o.Document.Name.StartsWith(ValidPrefix, StringComparison.Ordinal) && !o.Valid))
                    yield return $"{report.Path}: {o.Document.Name} is not read valid";
            }
        }
    }
}

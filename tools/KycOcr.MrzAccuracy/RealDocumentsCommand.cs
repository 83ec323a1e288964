using System.Diagnostics;
using KycOcr.Core.Imaging;
using KycOcr.Core.Mrz;
using KycOcr.Core.Mrz.Reading;
using KycOcr.Core.Quality;
using KycOcr.TestSupport.MrzBenchmark;
using KycOcr.TestSupport.RealDocuments;
using OpenCvSharp;

namespace KycOcr.MrzAccuracy;

/// <summary>Reads every image of a real-document folder and prints how each went and the totals.</summary>
internal static class RealDocumentsCommand
{
    public static int Run(MrzImageReader reader, string folder, bool verbose)
    {
        var set = RealDocumentSet.Load(folder);
        var outcomes = new List<RealDocumentOutcome>();
        foreach (var document in set.Documents)
        {
            var stopwatch = Stopwatch.StartNew();
            using var image = ImageDecoder.Decode(File.ReadAllBytes(document.Path), 100_000_000);
            var attempt = reader.ReadDetailed(image, MrzAccuracyRun.Today);
            var reading = attempt.Reading;
            var outcome = new RealDocumentOutcome(document, reading.Found, reading.Valid, reading.Lines, null, stopwatch.Elapsed.TotalMilliseconds);
            outcomes.Add(outcome);
            if (verbose)
                Console.WriteLine(RealDocumentReport.Line(outcome) + FormattableString.Invariant($"  score {attempt.Score:0.000} rot {attempt.RotationDegrees}"));
        }

        var report = new RealDocumentReport(set.Folder, outcomes);
        Console.Write(report.Details());
        Console.WriteLine(report.Summary());
        return 0;
    }
}

using KycOcr.Core.Quality;
using KycOcr.TestSupport.Quality;
using OpenCvSharp;

namespace KycOcr.Bench;

/// <summary>Prints the labelled set's scores and each preset's verdict (A accepted, R refused, with the failed checks), for choosing thresholds.</summary>
public static class Calibration
{
    public static int Run(TextWriter output)
    {
        var presets = QualityPresets.Names.Select(n => (Name: n, Gate: new QualityGate(QualityPresets.For(n)!, OurPipeline.Reader))).ToArray();
        var correct = presets.ToDictionary(p => p.Name, _ => 0);
        var samples = QualitySamples.All();
        output.WriteLine($"{"sample",-36} {"found",5} {"cornerErr%",10} {"res",6} {"cover",6} {"blur",8} {"contr",6} {"glare",7} {"bright",6} {"edges",6}  verdicts(e/m/h)");
        foreach (var sample in samples)
        {
            var photo = sample.Generate();
            var verdicts = new List<string>();
            QualityReport? report = null;
            foreach (var (name, gate) in presets)
            {
                using var outcome = gate.Process(photo.Bytes, 50_000_000, 1024);
                report = outcome.Report;
                // As labelled: a good photo passes every check; a bad one fails the check it was made bad for
                // (and is then refused, unless its MRZ reads clearly: the verdict column shows which).
                var ok = sample.Expected.For(name)
                    ? report.Checks.All(c => c.Passed)
                    : report.Checks.Any(c => c.Name == sample.FailingCheck && !c.Passed);
                if (ok)
                    correct[name]++;
                verdicts.Add((report.Accepted ? "A" : "R:" + string.Join(",", report.Failed.Select(c => c.Name))) + (ok ? "" : "(!)"));
            }
            double Score(string check) => report!.Checks.Single(c => c.Name == check).Score;
            var error = CornerError(report!.Document, photo.Truth.Corners?.Select(p => new Point2d(p.X, p.Y)).ToArray());
            output.WriteLine($"{sample.Label,-36} {report.Document.Found,5} {error,10:0.00} {Score("resolution"),6:0} {Score("document"),6:0.00} {Score("blur"),8:0.0} {Score("contrast"),6:0.0} {Score("glare"),7:0.000} {Score("darkness"),6:0} {Score("edge_density"),6:0.000}  {string.Join(" | ", verdicts)}");
        }
        foreach (var (name, _) in presets)
            output.WriteLine($"{name}: {correct[name]}/{samples.Count} as labelled");
        return 0;
    }

    /// <summary>Largest corner distance as a percentage of the true diagonal; NaN when either side has no corners.</summary>
    public static double CornerError(DocumentDetection found, Point2d[]? truth)
    {
        if (!found.Found || truth is null)
            return double.NaN;
        var diagonal = DocumentDetection.Distance(truth[0], truth[2]);
        return Enumerable.Range(0, 4).Max(i => DocumentDetection.Distance(found.Corners[i], truth[i])) / diagonal * 100;
    }
}

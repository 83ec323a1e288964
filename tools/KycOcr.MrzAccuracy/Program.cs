using System.Globalization;
using KycOcr.Core.Configuration;
using KycOcr.Core.Mrz.Reading;
using KycOcr.TestSupport.MrzBenchmark;

// Usage: KycOcr.MrzAccuracy [count=240] [seed=240] [--verbose] [--harsh]
// --harsh degrades beyond the mild range (blur σ ≤ 2, noise σ ≤ 12, JPEG 40–70) to see how the reader fails.
// Generates `count` documents (TD1/TD2/TD3 in turn, every other triple mildly degraded), reads each and
// prints per-format figures and a one-line summary; exits 1 when the targets (≥ 95 % exact, 0 false-valid) are missed.
var numbers = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
int count = numbers.Length > 0 ? numbers[0] : 240;
int seed = numbers.Length > 1 ? numbers[1] : MrzAccuracyRun.DefaultSeed;
bool verbose = args.Contains("--verbose");
if (args.Contains("--dump"))
{
    // Writes the images the reader sees, for looking at failures: --dump <dir> <kind> <seed> <degraded>.
    int at = Array.IndexOf(args, "--dump");
    var kind = Enum.Parse<KycOcr.TestSupport.Documents.DocumentKind>(args[at + 2]);
    int dumpSeed = int.Parse(args[at + 3], CultureInfo.InvariantCulture);
    using var flat = KycOcr.TestSupport.Documents.SyntheticDocumentGenerator.RenderFlatDocument(kind, dumpSeed);
    var degradation = bool.Parse(args[at + 4]) ? KycOcr.TestSupport.Documents.UprightDegradation.Mild(dumpSeed) : KycOcr.TestSupport.Documents.UprightDegradation.None;
    using var image = KycOcr.TestSupport.Documents.UprightDocuments.Render(flat, degradation, dumpSeed);
    OpenCvSharp.Cv2.ImWrite(Path.Combine(args[at + 1], $"{kind}-{dumpSeed}.png"), image);
    Console.WriteLine(degradation);
    using var probe = new MrzImageReader(new MrzReaderOptions());
    var detailed = probe.ReadDetailed(image, MrzAccuracyRun.Today);
    var read = detailed.Reading;
    foreach (var cellLine in detailed.Cells)
    {
        Console.WriteLine(string.Join(" ", cellLine.Select(c => FormattableString.Invariant($"{c.Best}{c.BestScore:0.00}/{c.RunnerUp}{c.Margin:0.00}"))));
    }
    // Synthetic data only: printing it is safe.
    Console.WriteLine(string.Join("\n", flat.Truth.MrzLines));
    Console.WriteLine(read.ToJson());
    return 0;
}

var options = new MrzReaderOptions
{
    OcrBFontPath = Environment.GetEnvironmentVariable("OCRB_FONT_PATH") is { Length: > 0 } path ? path : MrzReaderOptions.DefaultOcrBFontPath,
};
using var reader = new MrzImageReader(options);
var report = MrzAccuracyRun.Run(reader, count, seed, verbose
    ? c => Console.Error.WriteLine($"{c.Kind} seed {c.Seed} degraded={c.Degraded} exact={c.Exact} valid={c.Valid} {c.Mismatch} {c.Milliseconds:0} ms")
    : null, harsh: args.Contains("--harsh"));
Console.Write(report.Details());
Console.WriteLine(report.Summary());
return report.TargetsMet ? 0 : 1;

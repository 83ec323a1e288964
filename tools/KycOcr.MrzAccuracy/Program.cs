using System.Globalization;
using KycOcr.Core.Configuration;
using KycOcr.Core.Mrz.Reading;
using KycOcr.MrzAccuracy;
using KycOcr.TestSupport.MrzBenchmark;

// Usage: KycOcr.MrzAccuracy [count=240] [seed=240] [--verbose] [--harsh] [--frame WxH] [--upright | --true-corners]
//        KycOcr.MrzAccuracy --dump <dir> <IdCardTd1|CardTd2|PassportTd3> <seed> <degraded: true|false> [--upright]
// Generates `count` documents (TD1/TD2/TD3 in turn, every other triple mildly degraded), photographs each, puts the
// photo through the service's preprocessing (quality gate, deskew, 1024 px JPEG), reads the stored image and prints
// per-format figures and a one-line summary; exits 1 when the targets (≥ 95 % exact, 0 false-valid) are missed.
// --upright skips the photo and the gate and reads an emulation of the gate's output (the earlier benchmark).
// --true-corners photographs but crops with the true corners instead of the gate's: the reader alone on real photos.
// --frame WxH photographs at that size instead of 1600x1200 (4032x3024: a 12 MP phone photo).
// --harsh degrades beyond the mild range (blur σ ≤ 2, noise σ ≤ 12, JPEG 40–70) to see how the reader fails.
// --dump writes one document's images and prints what the reader made of every cell (synthetic data only).
var options = new MrzReaderOptions
{
    OcrBFontPath = Environment.GetEnvironmentVariable("OCRB_FONT_PATH") is { Length: > 0 } path ? path : MrzReaderOptions.DefaultOcrBFontPath,
};
using var reader = new MrzImageReader(options);

if (Array.IndexOf(args, "--trace") is var trace and >= 0)
{
    using var bank = OcrBGlyphBank.Load(options.OcrBFontPath);
    return TraceCommand.Run(bank, args[trace + 1], args[trace + 2]);
}

if (args.Contains("--real"))
{
    return await RealDocumentsCommand.RunAsync(args);
}

if (Array.IndexOf(args, "--dump") is var at and >= 0)
{
    return DumpCommand.Run(reader, args[(at + 1)..].Where(a => a != "--upright").ToArray(), upright: args.Contains("--upright"));
}

var numbers = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
int count = numbers.Length > 0 ? numbers[0] : 240;
int seed = numbers.Length > 1 ? numbers[1] : MrzAccuracyRun.DefaultSeed;
Action<MrzAccuracyCase>? progress = args.Contains("--verbose")
    ? c => Console.Error.WriteLine(FormattableString.Invariant(
        $"{c.Kind} seed {c.Seed} degraded={c.Degraded} rejected={c.Rejected} exact={c.Exact} valid={c.Valid} {c.Mismatch} {c.Milliseconds:0} ms ({c.ReadMilliseconds:0} read) corners off {c.CropError:P1}"))
    : null;

var readingPath = args.Contains("--upright") ? MrzAccuracyPath.Upright
    : args.Contains("--true-corners") ? MrzAccuracyPath.TrueCorners
    : MrzAccuracyPath.Photographed;
OpenCvSharp.Size? frame = null;
if (Array.IndexOf(args, "--frame") is var f and >= 0)
{
    frame = f + 1 < args.Length && args[f + 1].Split('x') is [var w, var h]
        ? new(int.Parse(w, CultureInfo.InvariantCulture), int.Parse(h, CultureInfo.InvariantCulture))
        : throw new ArgumentException("--frame takes WIDTHxHEIGHT, e.g. --frame 4032x3024");
}

var report = MrzAccuracyRun.Run(reader, count, seed, progress, harsh: args.Contains("--harsh"), readingPath, frame);
Console.Write(report.Details());
Console.WriteLine(report.Summary());
return report.TargetsMet ? 0 : 1;

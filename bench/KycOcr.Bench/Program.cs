using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KycOcr.Bench;
using KycOcr.Samples;

// dotnet run -c Release --project bench/KycOcr.Bench -- [--iterations N] [--rounds R] [image.jpg ...]
//   times our preprocessing against the original's full-resolution path, each pipeline in its own
//   process so peak memory is its own, the two taking R turns (median of the turns' medians); without
//   images, generated 4032x3024, 1600x1200 and 1200x850 JPEGs.
// dotnet run -c Release --project bench/KycOcr.Bench -- calibrate
//   scores and verdicts of the labelled quality set, per preset.
// ... -- debug <label> <folder>   the detection drawn over a labelled photo (or spec:seed:kind:background:rotation:keystone)
// ... -- profile <label>          detection run repeatedly on one labelled photo (for a profiler)
// ... -- portraits [--repetitions N] [--save folder] [image or folder ...]   the portrait finder's CPU per page (synthetic pages
//                                    without images); --save writes each straightened page the finder looks at
if (args is ["--child", var pipeline, var path, var count])
{
    var bytes = File.ReadAllBytes(path);
    Func<byte[], int> run = pipeline == "ours" ? OurPipeline.Run : OriginalPipeline.Run;
    Warm(run, bytes);
    var measurement = Measurement.Take(pipeline, Path.GetFileName(path), bytes, run, int.Parse(count, CultureInfo.InvariantCulture));
    Console.WriteLine(JsonSerializer.Serialize(measurement));
    return 0;
}

if (args is ["debug", var label, var dir])
    return KycOcr.Bench.Debug.Run(label, dir);

if (args is ["profile", var profiled])
    return KycOcr.Bench.Profile.Run(profiled);

if (args is ["portraits", .. var portraitArgs])
{
    var rest = portraitArgs.ToList();
    var repetitions = TakeOption(rest, "--repetitions") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 20;
    var saveTo = TakeOption(rest, "--save");
    if (saveTo is not null)
        Directory.CreateDirectory(saveTo);
    return PortraitCost.Run(rest, repetitions, Console.Out, saveTo);
}

if (args is ["calibrate", ..])
    return Calibration.Run(Console.Out);

var iterations = 15;
var rounds = 3;
var images = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--iterations" && i + 1 < args.Length)
        iterations = int.Parse(args[++i], CultureInfo.InvariantCulture);
    else if (args[i] == "--rounds" && i + 1 < args.Length)
        rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
    else
        images.Add(args[i]);
}

var folder = Directory.CreateTempSubdirectory("kycocr-bench-").FullName;
try
{
    if (images.Count == 0)
    {
        foreach (var (w, h) in new[] { (4032, 3024), (1600, 1200), (1200, 850) })
        {
            var spec = SyntheticDocumentGenerator.SpecimenSpec(DocumentKind.IdCardTd1, 42) with { FrameWidth = w, FrameHeight = h };
            var file = Path.Combine(folder, $"specimen-{w}x{h}.jpg");
            File.WriteAllBytes(file, SyntheticDocumentGenerator.Generate(spec).Bytes);
            images.Add(file);
        }
    }

    Console.WriteLine($"{"image",-26} {"pipeline",-9} {"median ms",10} {"min ms",8} {"peak MB",8} {"ratio",6}");
    foreach (var image in images)
    {
        // The pipelines take turns, so a neighbour's load on a shared machine falls on both alike.
        var runs = Enumerable.Range(0, rounds).Select(_ => (Ours: Child("ours", image, iterations), Baseline: Child("baseline", image, iterations))).ToList();
        var ours = Measurement.Combine(runs.Select(r => r.Ours).ToList());
        var baseline = Measurement.Combine(runs.Select(r => r.Baseline).ToList());
        var name = Path.GetFileName(image);
        Console.WriteLine($"{name,-26} {"ours",-9} {ours.MedianMs,10:0.0} {ours.MinMs,8:0.0} {ours.PeakMbBeyondIdle,8:0.0} {ours.MedianMs / baseline.MedianMs,6:0.00}");
        Console.WriteLine($"{name,-26} {"baseline",-9} {baseline.MedianMs,10:0.0} {baseline.MinMs,8:0.0} {baseline.PeakMbBeyondIdle,8:0.0} {1.0,6:0.00}");
    }
    return 0;
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static Measurement Child(string pipeline, string image, int iterations)
{
    var self = Environment.ProcessPath!;
    var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        start.ArgumentList.Add(typeof(Measurement).Assembly.Location);
    foreach (var arg in new[] { "--child", pipeline, image, iterations.ToString(CultureInfo.InvariantCulture) })
        start.ArgumentList.Add(arg);
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
        throw new InvalidOperationException($"The {pipeline} run on {image} failed with exit code {process.ExitCode}.");
    return JsonSerializer.Deserialize<Measurement>(output.Trim().Split('\n')[^1])!;
}

// JIT, native libraries and OpenCV's thread pool warmed on the measured image, so idle memory and timings are
// of the work itself as a running service does it.
static void Warm(Func<byte[], int> run, byte[] image)
{
    for (var i = 0; i < 3; i++)
        run(image);
}

// Removes "--name value" from args and returns the value, or null when the option is absent.
static string? TakeOption(List<string> args, string name)
{
    var at = args.IndexOf(name);
    if (at < 0 || at + 1 >= args.Count)
        return null;
    var value = args[at + 1];
    args.RemoveRange(at, 2);
    return value;
}

using System.Globalization;
using KycOcr.Core.Mrz.Reading;
using KycOcr.Samples;
using KycOcr.TestSupport.Documents;
using KycOcr.TestSupport.MrzBenchmark;
using OpenCvSharp;

namespace KycOcr.MrzAccuracy;

/// <summary>
/// For looking at one failure: writes the image the reader sees and prints each cell's best and runner-up
/// with scores, the truth and the reading. Synthetic data only, so printing it is safe.
/// </summary>
internal static class DumpCommand
{
    /// <param name="args">directory, document kind, seed, degraded (true|false).</param>
    public static int Run(MrzImageReader reader, string[] args)
    {
        if (args.Length < 4)
        {
            Console.Error.WriteLine("--dump <dir> <IdCardTd1|CardTd2|PassportTd3> <seed> <degraded: true|false>");
            return 64;
        }

        var kind = Enum.Parse<DocumentKind>(args[1]);
        int seed = int.Parse(args[2], CultureInfo.InvariantCulture);
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(kind, seed);
        var degradation = bool.Parse(args[3]) ? UprightDegradation.Mild(seed) : UprightDegradation.None;
        using var image = UprightDocuments.Render(flat, degradation, seed);
        Cv2.ImWrite(Path.Combine(args[0], $"{kind}-{seed}.png"), image);

        var detailed = reader.ReadDetailed(image, MrzAccuracyRun.Today);
        Console.WriteLine(degradation);
        foreach (var line in detailed.Cells)
        {
            Console.WriteLine(string.Join(" ", line.Select(c => FormattableString.Invariant($"{c.Best}{c.BestScore:0.00}/{c.RunnerUp}{c.Margin:0.00}"))));
        }

        Console.WriteLine(string.Join("\n", flat.Truth.MrzLines));
        Console.WriteLine(detailed.Reading.ToJson());
        return 0;
    }
}

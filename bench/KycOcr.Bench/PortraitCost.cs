using System.Diagnostics;
using KycOcr.Core.Portraits;
using KycOcr.Core.Preprocessing;
using KycOcr.Samples;
using KycOcr.TestSupport.Quality;
using OpenCvSharp;

namespace KycOcr.Bench;

/// <summary>
/// What looking for the portrait adds to a page: the finder's CPU time per page (all threads, over repeated runs)
/// beside the page's whole preprocessing, on the straightened pages the job hands it. Median over the pages.
/// </summary>
public static class PortraitCost
{
    /// <param name="saveTo">When set, each straightened page is written there as the finder sees it, for looking at a miss.</param>
    public static int Run(IReadOnlyList<string> images, int repetitions, TextWriter output, string? saveTo = null)
    {
        var preprocessor = JobPreprocessing.Create();
        var pages = new List<(string Name, byte[] Upload, byte[] Page)>();
        foreach (var (name, upload) in Uploads(images))
        {
            if (preprocessor.Prepare(upload) is PreparedImage.Accepted accepted)
            {
                pages.Add((name, upload, accepted.Jpeg));
                if (saveTo is not null)
                    File.WriteAllBytes(Path.Combine(saveTo, Path.GetFileNameWithoutExtension(name) + ".page.jpg"), accepted.Jpeg);
            }
        }

        var finder = JobPreprocessing.Portraits;
        var findCpu = new List<double>();
        var findWall = new List<double>();
        var prepareCpu = new List<double>();
        foreach (var (name, upload, jpeg) in pages)
        {
            using var page = Cv2.ImDecode(jpeg, ImreadModes.Color);
            finder.Find(page);
            var (cpu, wall) = Measure(() => finder.Find(page), repetitions);
            findCpu.Add(cpu);
            findWall.Add(wall);
            prepareCpu.Add(Measure(() => preprocessor.Prepare(upload), Math.Max(1, repetitions / 5)).CpuMs);
            output.WriteLine($"{name,-60} find {cpu,7:0.0} ms CPU {wall,7:0.0} ms wall   preprocessing {prepareCpu[^1],7:0.0} ms CPU");
        }

        var find = Median(findCpu);
        var prepare = Median(prepareCpu);
        output.WriteLine($"{pages.Count} pages: portrait finder median {find:0.0} ms CPU ({Median(findWall):0.0} ms wall) per page; " +
            $"preprocessing without it median {prepare:0.0} ms CPU; ratio {find / prepare:0.00}");
        return 0;
    }

    private static IEnumerable<(string Name, byte[] Bytes)> Uploads(IReadOnlyList<string> images)
    {
        if (images.Count > 0)
        {
            foreach (var path in images.SelectMany<string, string>(p => Directory.Exists(p) ? Directory.EnumerateFiles(p).Order(StringComparer.Ordinal) : [p]))
            {
                if (!path.EndsWith(".json", StringComparison.Ordinal))
                    yield return (Path.GetFileName(path), File.ReadAllBytes(path));
            }
            yield break;
        }
        foreach (var kind in new[] { DocumentKind.IdCardTd1, DocumentKind.CardTd2, DocumentKind.PassportTd3 })
        {
            for (var seed = 1; seed <= 4; seed++)
                yield return ($"synthetic {kind} {seed}", SyntheticDocumentGenerator.SpecimenPhoto(kind, seed).Bytes);
        }
    }

    private static (double CpuMs, double WallMs) Measure(Action run, int repetitions)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < repetitions; i++)
            run();
        wall.Stop();
        process.Refresh();
        return ((process.TotalProcessorTime - cpuBefore).TotalMilliseconds / repetitions, wall.Elapsed.TotalMilliseconds / repetitions);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : (sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]) / 2;
    }
}

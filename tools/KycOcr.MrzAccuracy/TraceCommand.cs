using System.Globalization;
using KycOcr.Core.Imaging;
using KycOcr.Core.Mrz.Reading;
using KycOcr.TestSupport.MrzBenchmark;
using OpenCvSharp;

namespace KycOcr.MrzAccuracy;

/// <summary>
/// For looking at one real image: prints the bands the finder saw, writes each band's strips as PNGs, and prints
/// what the reader made of every cell. For development on specimen images; nothing is written into the repository.
/// </summary>
internal static class TraceCommand
{
    public static int Run(OcrBGlyphBank bank, string image, string outputFolder)
    {
        Directory.CreateDirectory(outputFolder);
        using var bgr = ImageDecoder.Decode(File.ReadAllBytes(image), 100_000_000);
        using var gray = MrzImageReader.Gray(bgr);
        foreach (var quarterTurn in new[] { false, true })
        {
            using var turned = new Mat();
            if (quarterTurn)
                Cv2.Rotate(gray, turned, RotateFlags.Rotate90Clockwise);
            else
                gray.CopyTo(turned);
            var search = MrzBandFinder.Find(turned);
            Console.WriteLine($"turned {(quarterTurn ? 90 : 0)}: {search.Lines.Count} text lines, {search.Bands.Count} bands");
            foreach (var l in search.Lines.Where(l => l.Length > 8 * l.Thickness))
                Console.WriteLine(FormattableString.Invariant($"    line ({l.Centre.X:0},{l.Centre.Y:0}) {l.AngleDegrees:0.0}° len {l.Length:0} thick {l.Thickness:0.0} ratio {l.Length / l.Thickness:0.0}"));
            int index = 0;
            foreach (var band in search.Bands.Take(6))
            {
                Console.WriteLine(FormattableString.Invariant($"  band {index}: {string.Join("; ", band.Lines.Select(l => $"({l.Centre.X:0},{l.Centre.Y:0}) {l.AngleDegrees:0.0}° len {l.Length:0} thick {l.Thickness:0.0}"))}"));
                foreach (var upsideDown in new[] { false, true })
                {
                    var strips = MrzBandStrips.Cut(turned, band, upsideDown);
                    for (int i = 0; i < strips.Count; i++)
                        Cv2.ImWrite(Path.Combine(outputFolder, string.Create(CultureInfo.InvariantCulture, $"t{(quarterTurn ? 90 : 0)}-b{index}-{(upsideDown ? "ud" : "up")}-l{i}.png")), strips[i]);
                    var attempt = MrzOrientedReader.Read(strips, bank, MrzAccuracyRun.Today);
                    strips.ForEach(s => s.Dispose());
                    if (attempt is null)
                    {
                        Console.WriteLine($"    {(upsideDown ? "180" : "0")}: no cells");
                        continue;
                    }

                    Console.WriteLine(FormattableString.Invariant($"    {(upsideDown ? "180" : "0")}: score {attempt.Score:0.000} valid {attempt.Reading.Valid} {string.Join(" | ", attempt.Reading.Lines)}"));
                    foreach (var line in attempt.Cells)
                        Console.WriteLine("      " + string.Join(" ", line.Select(c => FormattableString.Invariant($"{c.Best}{c.BestScore:.00}/{c.RunnerUp}{c.Margin:.00}"))));
                    if (attempt.Reading.Errors.Count > 0)
                        Console.WriteLine("      errors: " + string.Join("; ", attempt.Reading.Errors));
                }

                index++;
            }
        }

        return 0;
    }
}

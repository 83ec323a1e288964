using System.Globalization;
using System.Text.Json;
using KycOcr.Core;
using KycOcr.Core.Preprocessing;
using KycOcr.Core.Mrz.Reading;
using KycOcr.Samples;
using KycOcr.TestSupport.Documents;
using KycOcr.TestSupport.MrzBenchmark;
using OpenCvSharp;

namespace KycOcr.MrzAccuracy;

/// <summary>
/// For looking at one failure: writes the photo and the image the reader sees (the JPEG the service would store,
/// or the emulated upright image) and prints each cell's best and runner-up with scores, the truth and the
/// reading. Synthetic data only, so printing it is safe.
/// </summary>
internal static class DumpCommand
{
    /// <param name="args">directory, document kind, seed, degraded (true|false).</param>
    /// <param name="upright">Dump the emulated gate output instead of a photo put through the gate.</param>
    public static int Run(MrzImageReader reader, string[] args, bool upright)
    {
        if (args.Length < 4)
        {
            Console.Error.WriteLine("--dump <dir> <IdCardTd1|CardTd2|PassportTd3> <seed> <degraded: true|false> [--upright]");
            return 64;
        }

        var kind = Enum.Parse<DocumentKind>(args[1]);
        int seed = int.Parse(args[2], CultureInfo.InvariantCulture);
        bool degraded = bool.Parse(args[3]);
        var (image, truth) = upright ? Upright(kind, seed, degraded) : Photographed(reader, args[0], kind, seed, degraded);
        if (image is null)
        {
            return 2;
        }

        using (image)
        {
            Cv2.ImWrite(Path.Combine(args[0], $"{kind}-{seed}-read.png"), image);
            var detailed = reader.ReadDetailed(image, MrzAccuracyRun.Today);
            foreach (var line in detailed.Cells)
            {
                Console.WriteLine(string.Join(" ", line.Select(c => FormattableString.Invariant($"{c.Best}{c.BestScore:0.00}/{c.RunnerUp}{c.Margin:0.00}"))));
            }

            Console.WriteLine(string.Join("\n", truth.MrzLines));
            Console.WriteLine(detailed.Reading.ToJson());
            return 0;
        }
    }

    private static (Mat? Image, DocumentGroundTruth Truth) Upright(DocumentKind kind, int seed, bool degraded)
    {
        using var flat = SyntheticDocumentGenerator.RenderFlatDocument(kind, seed);
        var degradation = degraded ? UprightDegradation.Mild(seed) : UprightDegradation.None;
        Console.WriteLine(degradation);
        return (UprightDocuments.Render(flat, degradation, seed), flat.Truth);
    }

    private static (Mat? Image, DocumentGroundTruth Truth) Photographed(MrzImageReader reader, string dir, DocumentKind kind, int seed, bool degraded)
    {
        var spec = MrzAccuracyPhotos.Spec(kind, seed, degraded);
        Console.WriteLine(spec);
        Console.WriteLine(spec.Degradations);
        var photo = SyntheticDocumentGenerator.Generate(spec);
        File.WriteAllBytes(Path.Combine(dir, $"{kind}-{seed}-photo{photo.FileExtension}"), photo.Bytes);
        var prepared = MrzAccuracyRun.Preprocessor(reader).Prepare(photo.Bytes);
        if (prepared is not PreparedImage.Accepted accepted)
        {
            var refused = (PreparedImage.Refused)prepared;
            Console.WriteLine(JsonSerializer.Serialize(refused.Error.Quality, KycJson.Options));
            Console.WriteLine("rejected by the gate: " + refused.Error.Code);
            return (null, photo.Truth);
        }

        Console.WriteLine(JsonSerializer.Serialize(accepted.Quality, KycJson.Options));
        File.WriteAllBytes(Path.Combine(dir, $"{kind}-{seed}-stored.jpg"), accepted.Jpeg);
        // The service reads the MRZ from the upload itself, not from the stored image.
        return (photo.Decode(), photo.Truth);
    }
}

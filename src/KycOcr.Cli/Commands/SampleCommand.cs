using KycOcr.Samples;

namespace KycOcr.Cli.Commands;

/// <summary>
/// <c>kycocr sample &lt;passport|id_card&gt; &lt;out.jpg&gt; [--seed N]</c>: writes a synthetic specimen photo
/// (invented holder, valid MRZ, never a real person's document) to send to the service, and prints its
/// ground truth. The same seed gives the same photo.
/// </summary>
public static class SampleCommand
{
    public const string Usage = "usage: kycocr sample <passport|id_card> <out.jpg> [--seed N]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        DocumentKind? kind = args.Count > 0 ? args[0] switch
        {
            "passport" => DocumentKind.PassportTd3,
            "id_card" => DocumentKind.IdCardTd1,
            _ => null,
        } : null;
        var seed = Random.Shared.Next(1, 1_000_000);
        if (kind is null || args.Count is not (2 or 4) || (args.Count == 4 && (args[2] != "--seed" || !int.TryParse(args[3], out seed))))
            return await UsageAsync(stderr);

        var photo = SyntheticDocumentGenerator.SpecimenPhoto(kind.Value, seed);
        try
        {
            await File.WriteAllBytesAsync(args[1], photo.Bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"kycocr sample: cannot write {args[1]}: {e.Message}");
            return ExitCodes.Error;
        }
        await stdout.WriteLineAsync(GroundTruthJson.Serialize(photo.Truth));
        return ExitCodes.Accepted;
    }

    private static async Task<int> UsageAsync(TextWriter stderr)
    {
        await stderr.WriteLineAsync(Usage);
        return ExitCodes.Usage;
    }
}

using KycOcr.Core.Mrz.Parsing;
namespace KycOcr.Core.Mrz.Correction;

/// <summary>
/// Alphanumeric values can hold either member of a confusable pair (0/O, 1/I, …), so the alphabet cannot
/// decide. For each failing repairable check, every single swap that makes that check hold is a candidate;
/// the caller accepts a reading only when exactly one candidate passes everything.
/// </summary>
internal static class MrzSwapRepair
{
    public static IEnumerable<(string[] Lines, IReadOnlyList<MrzCorrection> Swaps)> Variants(MrzLayout layout, string[] lines)
    {
        var failing = MrzCheckResolver.Resolve(layout, lines).Where(c => c.Repairable && !c.Holds(lines)).ToList();
        if (failing.Count == 0)
        {
            yield return (lines, []);
            yield break;
        }

        var options = failing.Select(c => SingleSwaps(layout, c, lines)).ToList();
        foreach (var choice in Combinations.Of(options))
        {
            var chars = lines.Select(l => l.ToCharArray()).ToArray();
            foreach (var swap in choice)
            {
                chars[swap.Line - 1][swap.Position - 1] = swap.To[0];
            }

            yield return (MrzFieldCorrector.Strings(chars), choice);
        }
    }

    // Single swaps only: with two, some pair satisfies a mod-10 check far too often to prove anything.
    private static List<MrzCorrection> SingleSwaps(MrzLayout layout, MrzCheckSpec check, string[] lines)
    {
        var swaps = new List<MrzCorrection>();
        var data = check.DataText(lines).ToCharArray();
        var digit = lines[check.Digit.Line][check.Digit.Column];
        for (var i = 0; i < data.Length; i++)
        {
            var original = data[i];
            if (MrzConfusions.Partner(original) is not { } partner)
            {
                continue;
            }

            data[i] = partner;
            if (MrzCheckDigit.IsValid(data, digit))
            {
                var cell = check.Data[i];
                var field = layout.FieldAt(cell.Line, cell.Column)?.Name ?? check.Name;
                swaps.Add(new MrzCorrection(
                    cell.Line + 1, cell.Column + 1, original.ToString(), partner.ToString(), field,
                    MrzCorrectionKind.CheckDigitCandidate));
            }

            data[i] = original;
        }

        return swaps;
    }
}

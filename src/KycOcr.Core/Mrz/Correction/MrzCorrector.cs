using KycOcr.Core.Mrz.Parsing;
namespace KycOcr.Core.Mrz.Correction;

/// <summary>
/// Position-aware repair of OCR confusions. Candidate readings are built from line re-alignment,
/// alphabet-driven substitution and check-digit-confirmed swaps; one is accepted only when it is the single
/// distinct reading whose structure and check digits all hold. Otherwise nothing is corrected.
/// </summary>
public static class MrzCorrector
{
    // Beyond this many alignment combinations the input is too mangled for a unique answer to mean much.
    private const int MaxCombinations = 256;

    /// <summary>The corrected, valid reading with its corrections recorded; null when no unique one exists.</summary>
    public static MrzReading? Correct(MrzFormat format, IReadOnlyList<string> lines, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return Correct(MrzLayouts.For(format), MrzText.NormaliseLines(lines), today).Reading;
    }

    internal static MrzCorrectionOutcome Correct(MrzLayout layout, IReadOnlyList<string> lines, DateOnly today)
    {
        if (lines.Count != layout.LineCount)
        {
            return new MrzCorrectionOutcome(null, 0);
        }

        var perLine = lines.Select((line, i) => MrzLineAligner.Candidates(layout, i, line)).ToList();
        var combinations = perLine.Aggregate(1L, (product, candidates) => product * candidates.Count);
        if (combinations is 0 or > MaxCombinations)
        {
            return new MrzCorrectionOutcome(null, 0);
        }

        var accepted = new Dictionary<string, MrzReading>();
        foreach (var aligned in Combinations.Of(perLine))
        {
            foreach (var reading in ValidReadings(layout, aligned, today))
            {
                // The same final text reached by different edits is one answer; report the shortest path.
                var key = string.Join('\n', reading.Lines);
                if (!accepted.TryGetValue(key, out var kept) || kept.Corrections.Count > reading.Corrections.Count)
                {
                    accepted[key] = reading;
                }
            }
        }

        return accepted.Count == 1
            ? new MrzCorrectionOutcome(accepted.Values.Single(), 1)
            : new MrzCorrectionOutcome(null, accepted.Count);
    }

    private static IEnumerable<MrzReading> ValidReadings(MrzLayout layout, List<MrzAlignedLine> aligned, DateOnly today)
    {
        var corrections = aligned.SelectMany(a => a.Corrections).ToList();
        var chars = aligned.Select(a => a.Text.ToCharArray()).ToArray();
        MrzFieldCorrector.Apply(layout, chars, corrections);
        foreach (var (lines, swaps) in MrzSwapRepair.Variants(layout, MrzFieldCorrector.Strings(chars)))
        {
            var reading = MrzEvaluator.Evaluate(layout, lines, today);
            // A correction must leave every field readable: one that only shifts a problem into a state code or a date
            // is not evidence of the right text.
            if (reading.Valid && reading.Warnings.Count == 0)
            {
                yield return reading with { Corrections = [.. corrections, .. swaps] };
            }
        }
    }
}

/// <summary>The corrector's answer: the one corrected reading, or how many distinct ones validated (0 or several).</summary>
internal readonly record struct MrzCorrectionOutcome(MrzReading? Reading, int ValidReadings);

namespace KycOcr.Core.Mrz.Parsing;

/// <summary>Picks the format from line count, line length and the visa document code.</summary>
internal static class MrzFormatDetector
{
    /// <summary>OCR may drop or add a couple of fillers; the aligner repairs that much and no more.</summary>
    public const int LengthTolerance = 2;

    public static MrzFormat? Detect(IReadOnlyList<string> lines)
    {
        if (lines.Count == 3)
        {
            return AllNear(lines, 30) ? MrzFormat.TD1 : null;
        }

        if (lines.Count != 2)
        {
            return null;
        }

        var visa = lines[0].StartsWith('V');
        if (AllNear(lines, 36))
        {
            return visa ? MrzFormat.MRVB : MrzFormat.TD2;
        }

        if (AllNear(lines, 44))
        {
            return visa ? MrzFormat.MRVA : MrzFormat.TD3;
        }

        return null;
    }

    public static string Describe(IReadOnlyList<string> lines) =>
        $"no MRZ: expected 3 lines of 30 or 2 lines of 36 or 44 characters, got {lines.Count} line(s)"
        + (lines.Count == 0 ? "" : $" of length {string.Join(", ", lines.Select(l => l.Length))}");

    private static bool AllNear(IReadOnlyList<string> lines, int length) =>
        lines.All(l => Math.Abs(l.Length - length) <= LengthTolerance);
}

namespace KycOcr.Core.Mrz.Correction;

/// <summary>A line brought to its format's length, with the insertions/removals that did it.</summary>
internal sealed record MrzAlignedLine(string Text, IReadOnlyList<MrzCorrection> Corrections);

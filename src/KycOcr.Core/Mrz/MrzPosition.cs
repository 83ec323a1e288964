namespace KycOcr.Core.Mrz;

/// <summary>A character cell in the MRZ, both coordinates zero-based.</summary>
internal readonly record struct MrzPosition(int Line, int Column);

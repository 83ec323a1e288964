namespace KycOcr.Core.Mrz.Parsing;

/// <summary>A split name field.</summary>
/// <param name="End">Index where the name stops; everything from here on must be fillers.</param>
internal readonly record struct MrzNameParts(string Surname, string GivenNames, int End);

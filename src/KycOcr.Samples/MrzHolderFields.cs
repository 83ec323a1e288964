namespace KycOcr.Samples;

/// <summary>
/// Holder fields exactly as the MRZ carries them: fillers removed, names possibly truncated,
/// '&lt;' inside names read as a space, dates expanded to YYYY-MM-DD from the known full date.
/// Sex is "M", "F" or "X" (the MRZ writes X as '&lt;').
/// </summary>
public sealed record MrzHolderFields
{
    public required string DocumentCode { get; init; }
    public required string IssuingState { get; init; }
    public required string Surname { get; init; }
    public required string GivenNames { get; init; }
    public required string DocumentNumber { get; init; }
    public required string Nationality { get; init; }
    public required string BirthDate { get; init; }
    public required string Sex { get; init; }
    public required string ExpiryDate { get; init; }
    public required string OptionalData { get; init; }
}

/// <summary>The composed MRZ lines and what they carry.</summary>
public sealed record MrzComposition(IReadOnlyList<string> Lines, MrzHolderFields Fields, bool NameTruncated);

namespace KycOcr.Samples;

/// <summary>
/// Invented holder data as printed in the visual zone (full, untruncated names).
/// The MRZ may carry a truncated form; see <see cref="MrzHolderFields"/>.
/// </summary>
public sealed record HolderData
{
    /// <summary>Surname in A–Z, words separated by single spaces.</summary>
    public required string Surname { get; init; }

    /// <summary>Given names in A–Z, one entry per name.</summary>
    public required IReadOnlyList<string> GivenNames { get; init; }

    /// <summary>Alphanumeric; 9 characters, longer only for TD1 (long-number rule).</summary>
    public required string DocumentNumber { get; init; }

    /// <summary>ICAO code without fillers, e.g. "UTO" or "D".</summary>
    public required string IssuingState { get; init; }

    public required string Nationality { get; init; }
    public required DateOnly BirthDate { get; init; }

    /// <summary>'M', 'F' or 'X' (unspecified, written '&lt;' in the MRZ).</summary>
    public required char Sex { get; init; }

    public required DateOnly ExpiryDate { get; init; }

    /// <summary>Optional / personal number in A–Z0–9; empty when unused.</summary>
    public required string OptionalData { get; init; }
}

using System.Text.Json.Serialization;

namespace KycOcr.Core.Mrz;

/// <summary>One change applied to the OCR text.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Position">
/// 1-based column. Substitutions: in the final line. Insertions: in the line just after inserting.
/// Removals: in the line just before removing.
/// </param>
/// <param name="From">Character read; empty for an insertion.</param>
/// <param name="To">Character used; empty for a removal.</param>
/// <param name="Field">Field the position falls in (by final geometry).</param>
public sealed record MrzCorrection(
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("position")] int Position,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("kind")] MrzCorrectionKind Kind);

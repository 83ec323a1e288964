namespace KycOcr.Core.Mrz.Parsing;

/// <summary>Where a field sits in its format (zero-based line and start column).</summary>
internal sealed record MrzFieldSpec(string Name, MrzFieldKind Kind, int Line, int Start, int Length)
{
    public int End => Start + Length;

    public bool Contains(int line, int column) => line == Line && column >= Start && column < End;

    public string Slice(IReadOnlyList<string> lines) => lines[Line].Substring(Start, Length);
}

namespace KycOcr.Core.Mrz.Parsing;

/// <summary>The geometry of one format: its fields and check digits.</summary>
/// <param name="LongNumberContinuation">
/// Field that carries the overflow of a document number longer than 9 characters (TD1, TD2), or null.
/// </param>
internal sealed record MrzLayout(
    MrzFormat Format,
    int LineCount,
    int LineLength,
    IReadOnlyList<MrzFieldSpec> Fields,
    IReadOnlyList<MrzCheckSpec> Checks,
    string? LongNumberContinuation)
{
    public MrzFieldSpec Field(string name) =>
        FindField(name) ?? throw new InvalidOperationException($"{Format} has no field '{name}'.");

    public MrzFieldSpec? FindField(string name) => Fields.FirstOrDefault(f => f.Name == name);

    public MrzFieldSpec? FieldAt(int line, int column) => Fields.FirstOrDefault(f => f.Contains(line, column));

    /// <summary>Whether a check digit covers the cell (its data or the digit itself): a misread there breaks a check.</summary>
    public bool Checked(int line, int column) =>
        Checks.Any(c => c.Digit == new MrzPosition(line, column) || c.Data.Contains(new MrzPosition(line, column)));

    /// <summary>Start column of the name field when it lies on <paramref name="line"/>; it always runs to the line end.</summary>
    public int? NameStartOn(int line)
    {
        var name = Field(MrzFieldNames.Name);
        return name.Line == line ? name.Start : null;
    }
}

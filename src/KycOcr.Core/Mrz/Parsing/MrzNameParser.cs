namespace KycOcr.Core.Mrz.Parsing;

/// <summary>
/// Splits a name field: primary identifier, "&lt;&lt;", secondary identifier, trailing fillers.
/// Within an identifier a single '&lt;' separates components, so a second "&lt;&lt;" ends the name.
/// </summary>
internal static class MrzNameParser
{
    public static MrzNameParts Parse(ReadOnlySpan<char> field)
    {
        var separator = field.IndexOf("<<");
        if (separator < 0)
        {
            // No separator: a single identifier, possibly truncated to fill the field.
            var primaryOnly = field.TrimEnd('<');
            return new MrzNameParts(Words(primaryOnly), "", primaryOnly.Length);
        }

        var primary = field[..separator];
        var secondaryStart = separator + 2;
        if (secondaryStart >= field.Length || field[secondaryStart] == '<')
        {
            return new MrzNameParts(Words(primary), "", separator);
        }

        var rest = field[secondaryStart..];
        var nextSeparator = rest.IndexOf("<<");
        var secondary = (nextSeparator < 0 ? rest : rest[..nextSeparator]).TrimEnd('<');
        return new MrzNameParts(Words(primary), Words(secondary), secondaryStart + secondary.Length);
    }

    private static string Words(ReadOnlySpan<char> identifier) => identifier.ToString().Replace('<', ' ');
}

/// <summary>A split name field.</summary>
/// <param name="End">Index where the name stops; everything from here on must be fillers.</param>
internal readonly record struct MrzNameParts(string Surname, string GivenNames, int End);

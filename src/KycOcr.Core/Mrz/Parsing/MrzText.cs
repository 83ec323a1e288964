using System.Text;

namespace KycOcr.Core.Mrz.Parsing;

/// <summary>Input clean-up that carries no MRZ meaning: case, stray whitespace, blank lines.</summary>
internal static class MrzText
{
    public static List<string> NormaliseLines(IEnumerable<string?> lines) =>
        lines.Select(NormaliseLine).Where(l => l.Length > 0).ToList();

    public static string NormaliseLine(string? line)
    {
        if (string.IsNullOrEmpty(line))
        {
            return "";
        }

        // OCR inserts spaces between glyphs and may lower-case; the MRZ has neither.
        var builder = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }
}

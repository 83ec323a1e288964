using System.Text;

namespace KycOcr.Core.Mrz.Verification;

/// <summary>
/// Names as an MRZ would print them (ICAO 9303 part 3): upper case, Latin letters only, components
/// separated by single spaces. National characters have a recommended transliteration (Ä → AE) and,
/// in practice, a plain one (Ä → A); both forms are returned, so either printing agrees.
/// </summary>
public static class IcaoTransliteration
{
    private static readonly Dictionary<char, string> Recommended = new()
    {
        ['Ä'] = "AE", ['Å'] = "AA", ['Æ'] = "AE", ['Ö'] = "OE", ['Ø'] = "OE", ['Ü'] = "UE",
        ['ß'] = "SS", ['Þ'] = "TH", ['Ð'] = "D", ['Œ'] = "OE", ['Ĳ'] = "IJ", ['Ł'] = "L", ['Đ'] = "D",
    };

    public static IReadOnlySet<string> Forms(string name)
    {
        var upper = name.ToUpperInvariant();
        return new HashSet<string>(StringComparer.Ordinal) { Render(upper, useRecommended: true), Render(upper, useRecommended: false) };
    }

    private static string Render(string upper, bool useRecommended)
    {
        var text = new StringBuilder(upper.Length);
        foreach (var c in upper)
        {
            if (c is '\'' or '’')
                continue; // apostrophes are dropped: O'BRIEN → OBRIEN
            if (useRecommended && Recommended.TryGetValue(c, out var replacement))
            {
                text.Append(replacement);
                continue;
            }
            foreach (var part in Strip(c))
                text.Append(part is >= 'A' and <= 'Z' ? part : ' ');
        }
        return string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    // Ä → A, É → E: the base letter without its marks. A table, because the service runs with invariant
    // globalization, where Unicode decomposition is not available.
    private static readonly Dictionary<char, char> BaseLetters = new[]
    {
        ("ÀÁÂÃÄÅĀĂĄ", 'A'), ("ÇĆĈĊČ", 'C'), ("ĎĐÐ", 'D'), ("ÈÉÊËĒĔĖĘĚ", 'E'), ("ĜĞĠĢ", 'G'), ("ĤĦ", 'H'),
        ("ÌÍÎÏĨĪĬĮİ", 'I'), ("Ĵ", 'J'), ("Ķ", 'K'), ("ĹĻĽĿŁ", 'L'), ("ÑŃŅŇ", 'N'), ("ÒÓÔÕÖØŌŎŐ", 'O'),
        ("ŔŖŘ", 'R'), ("ŚŜŞŠȘ", 'S'), ("ŢŤŦȚ", 'T'), ("ÙÚÛÜŨŪŬŮŰŲ", 'U'), ("Ŵ", 'W'), ("ÝŸŶ", 'Y'), ("ŹŻŽ", 'Z'),
    }.SelectMany(group => group.Item1.Select(letter => (letter, group.Item2))).ToDictionary(p => p.letter, p => p.Item2);

    private static string Strip(char c) => c switch
    {
        'ß' => "SS",
        'Æ' => "AE",
        'Œ' => "OE",
        _ => BaseLetters.TryGetValue(c, out var letter) ? letter.ToString() : c.ToString(),
    };
}

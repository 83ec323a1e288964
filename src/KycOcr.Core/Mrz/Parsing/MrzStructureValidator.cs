namespace KycOcr.Core.Mrz.Parsing;

/// <summary>
/// Structural rules, independent of check digits. Check digits are blind to some misreads (a filler read as 'K'
/// adds 20 × weight, always 0 mod 10), so a reading is only valid when these rules hold as well.
/// </summary>
internal static class MrzStructureValidator
{
    /// <summary>
    /// Field kinds whose own rule may fail without casting doubt on the rest: a state code, a date or a sex that is not
    /// one (a specimen printing all zeros, a mock-up's state). No misread of another field makes them fail, so such a
    /// field is reported unreadable and the reading stands on its check digits. Names, numbers and fillers stay
    /// errors: a misread filler in them is what check digits cannot see.
    /// </summary>
    private static readonly HashSet<MrzFieldKind> _fieldLevel = [MrzFieldKind.CountryCode, MrzFieldKind.Date, MrzFieldKind.Sex];

    /// <summary>Lines must already have the layout's count and length.</summary>
    /// <returns>Errors (the reading cannot be trusted) and warnings (the named field cannot be read; the rest stands).</returns>
    public static (List<string> Errors, List<MrzFieldProblem> Warnings) Validate(MrzLayout layout, IReadOnlyList<string> lines, DateOnly today)
    {
        var errors = new List<string>();
        var warnings = new List<MrzFieldProblem>();
        AddForeignCharacters(lines, errors);
        var longNumber = MrzLongDocumentNumber.Find(layout, lines);
        foreach (var field in layout.Fields)
        {
            var text = field.Slice(lines);
            var problem = field.Kind switch
            {
                MrzFieldKind.DocumentCode => DocumentCodeProblem(text),
                MrzFieldKind.CountryCode => CountryCodeProblem(text),
                MrzFieldKind.Name => NameProblem(text),
                MrzFieldKind.DocumentNumber => longNumber is null ? PaddedValueProblem(text) : PrincipalProblem(text),
                MrzFieldKind.Date => DateProblem(field, text, today),
                MrzFieldKind.Sex => text[0] is 'M' or 'F' or 'X' or '<' ? null : $"'{text}' is not M, F or <",
                MrzFieldKind.CheckDigit => CheckDigitProblem(layout, field, lines, longNumber),
                MrzFieldKind.OptionalData when longNumber is not null && field.Name == layout.LongNumberContinuation =>
                    ContinuationProblem(text, longNumber),
                MrzFieldKind.OptionalData => DataProblem(text),
                _ => null,
            };
            if (problem is null)
            {
                continue;
            }

            if (_fieldLevel.Contains(field.Kind))
            {
                warnings.Add(new MrzFieldProblem(field.Name, problem));
            }
            else
            {
                errors.Add($"{field.Name}: {problem}");
            }
        }

        return (errors, warnings);
    }

    private static void AddForeignCharacters(IReadOnlyList<string> lines, List<string> errors)
    {
        for (var line = 0; line < lines.Count; line++)
        {
            for (var column = 0; column < lines[line].Length; column++)
            {
                var c = lines[line][column];
                if (MrzCheckDigit.ValueOf(c) < 0)
                {
                    errors.Add($"line {line + 1} position {column + 1}: '{c}' is not an MRZ character");
                }
            }
        }
    }

    private static string? DocumentCodeProblem(string text) =>
        char.IsAsciiLetterUpper(text[0]) && (char.IsAsciiLetterUpper(text[1]) || text[1] == '<')
            ? null
            : $"'{text}' is not a document code";

    private static string? CountryCodeProblem(string text)
    {
        var letters = text.TrimEnd('<');
        return letters.Length > 0 && letters.All(char.IsAsciiLetterUpper) ? null : $"'{text}' is not a state code";
    }

    private static string? NameProblem(string text)
    {
        if (text[0] == '<')
        {
            return "the primary identifier is empty";
        }

        var parts = MrzNameParser.Parse(text);
        var bad = text[..parts.End].FirstOrDefault(c => c != '<' && !char.IsAsciiLetterUpper(c));
        if (bad != default)
        {
            return $"'{bad}' is not allowed in a name";
        }

        return TrailingFillerProblem(text, parts.End);
    }

    private static string? PaddedValueProblem(string text)
    {
        var end = MrzFillerRules.ContentEnd(text);
        return end == 0 ? "empty" : TrailingFillerProblem(text, end);
    }

    private static string? PrincipalProblem(string text) =>
        text.Contains('<') ? "a long document number needs all 9 principal characters" : null;

    private static string? TrailingFillerProblem(string text, int contentEnd)
    {
        for (var i = contentEnd; i < text.Length; i++)
        {
            if (text[i] == '<')
            {
                continue;
            }

            return MrzFillerRules.IsLookalike(text[i])
                ? $"'{text[i]}' at offset {i + 1} where only fillers belong (a misread filler)"
                : $"'{text[i]}' at offset {i + 1} after the value has ended";
        }

        return null;
    }

    private static string? DateProblem(MrzFieldSpec field, string text, DateOnly today)
    {
        var date = field.Name == MrzFieldNames.BirthDate
            ? MrzDates.ResolveBirthDate(text, today)
            : MrzDates.ResolveExpiryDate(text, today);
        return date is null ? $"'{text}' is not a calendar date" : null;
    }

    private static string? CheckDigitProblem(
        MrzLayout layout, MrzFieldSpec field, IReadOnlyList<string> lines, MrzLongDocumentNumber? longNumber)
    {
        var c = lines[field.Line][field.Start];
        if (char.IsAsciiDigit(c))
        {
            return null;
        }

        if (c == '<' && field.Name == MrzFieldNames.DocumentNumberCheck && longNumber is not null)
        {
            return null;
        }

        var position = new MrzPosition(field.Line, field.Start);
        var emptyAllowed = layout.Checks.Any(k => k.Digit == position && k.FillerDigitWhenEmpty && k.DataText(lines).All(d => d == '<'));
        return c == '<' && emptyAllowed ? null : $"'{c}' is not a digit";
    }

    private static string? ContinuationProblem(string text, MrzLongDocumentNumber longNumber)
    {
        if (!longNumber.WellFormed)
        {
            return "a long document number needs its continuation and check digit here";
        }

        if (!char.IsAsciiDigit(text[longNumber.ExtensionLength - 1]))
        {
            return $"'{text[longNumber.ExtensionLength - 1]}' is not a digit (long document number check)";
        }

        return DataProblem(text[longNumber.RemainderOffset..]);
    }

    private static string? DataProblem(string text)
    {
        var misread = MrzFillerRules.MisreadInData(text);
        return misread.Count == 0
            ? null
            : $"'{text[misread[0]]}' at offset {misread[0] + 1} inside a filler run (a misread filler)";
    }
}

/// <summary>A field that breaks its own rule: it is reported unreadable (null), and the reading stands on its check digits.</summary>
public sealed record MrzFieldProblem(string Field, string Problem)
{
    public override string ToString() => $"{Field}: {Problem}";
}

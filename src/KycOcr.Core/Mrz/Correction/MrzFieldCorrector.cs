using KycOcr.Core.Mrz.Parsing;
namespace KycOcr.Core.Mrz.Correction;

/// <summary>
/// Substitutions the field's alphabet settles on its own: letters in digits-only fields become digits,
/// digits in letters-only fields become letters, misread fillers in filler regions become '&lt;'.
/// Alphanumeric values (document number, personal number) are left alone here; see <see cref="MrzSwapRepair"/>.
/// </summary>
internal static class MrzFieldCorrector
{
    public static void Apply(MrzLayout layout, char[][] lines, List<MrzCorrection> corrections)
    {
        // The '<' that flags a long number is never substituted, so it can be detected up front.
        var longNumber = MrzLongDocumentNumber.Find(layout, Strings(lines));
        foreach (var field in layout.Fields)
        {
            switch (field.Kind)
            {
                case MrzFieldKind.DocumentCode or MrzFieldKind.CountryCode:
                    MapEach(field, lines, corrections, MrzConfusions.ToLetter);
                    break;
                case MrzFieldKind.Name:
                    MapEach(field, lines, corrections, MrzConfusions.ToLetter);
                    var end = MrzNameParser.Parse(Slice(field, lines)).End;
                    RestoreFillers(field, lines, corrections, MrzFillerRules.MisreadAfter(Slice(field, lines), end));
                    break;
                case MrzFieldKind.Date or MrzFieldKind.CheckDigit:
                    MapEach(field, lines, corrections, MrzConfusions.ToDigit);
                    break;
                case MrzFieldKind.Sex:
                    Map(field, lines, corrections, field.Start, c => c == 'K' ? '<' : null, MrzCorrectionKind.Filler);
                    break;
                case MrzFieldKind.DocumentNumber when longNumber is null:
                    var text = Slice(field, lines);
                    RestoreFillers(field, lines, corrections, MrzFillerRules.MisreadAfter(text, MrzFillerRules.ContentEnd(text)));
                    break;
                case MrzFieldKind.OptionalData when longNumber is not null && field.Name == layout.LongNumberContinuation:
                    CorrectContinuation(field, lines, corrections, longNumber);
                    break;
                case MrzFieldKind.OptionalData:
                    RestoreFillers(field, lines, corrections, MrzFillerRules.MisreadInData(Slice(field, lines)));
                    break;
            }
        }
    }

    private static void CorrectContinuation(
        MrzFieldSpec field, char[][] lines, List<MrzCorrection> corrections, MrzLongDocumentNumber longNumber)
    {
        if (longNumber.WellFormed)
        {
            // The character before the first filler is the long number's check digit.
            var digitColumn = field.Start + longNumber.ExtensionLength - 1;
            Map(field, lines, corrections, digitColumn, MrzConfusions.ToDigit, MrzCorrectionKind.Alphabet);
        }

        var remainder = Slice(field, lines)[longNumber.RemainderOffset..];
        var offsets = MrzFillerRules.MisreadInData(remainder).Select(o => o + longNumber.RemainderOffset).ToList();
        RestoreFillers(field, lines, corrections, offsets);
    }

    private static void MapEach(MrzFieldSpec field, char[][] lines, List<MrzCorrection> corrections, Func<char, char?> map)
    {
        for (var column = field.Start; column < field.End; column++)
        {
            Map(field, lines, corrections, column, map, MrzCorrectionKind.Alphabet);
        }
    }

    private static void RestoreFillers(MrzFieldSpec field, char[][] lines, List<MrzCorrection> corrections, List<int> offsets)
    {
        foreach (var offset in offsets)
        {
            Map(field, lines, corrections, field.Start + offset, _ => '<', MrzCorrectionKind.Filler);
        }
    }

    private static void Map(
        MrzFieldSpec field, char[][] lines, List<MrzCorrection> corrections, int column, Func<char, char?> map, MrzCorrectionKind kind)
    {
        var from = lines[field.Line][column];
        if (map(from) is not { } to || to == from)
        {
            return;
        }

        lines[field.Line][column] = to;
        corrections.Add(new MrzCorrection(field.Line + 1, column + 1, from.ToString(), to.ToString(), field.Name, kind));
    }

    private static string Slice(MrzFieldSpec field, char[][] lines) => new(lines[field.Line], field.Start, field.Length);

    public static string[] Strings(char[][] lines) => lines.Select(l => new string(l)).ToArray();
}

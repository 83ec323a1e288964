using KycOcr.Core.Mrz.Parsing;
namespace KycOcr.Core.Mrz.Reading;

/// <summary>Which characters each MRZ position may hold, from the format's field layout.</summary>
internal static class MrzPositionAlphabet
{
    private const string Digits = "0123456789";
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static string For(MrzLayout layout, int line, int column)
    {
        var field = layout.FieldAt(line, column);
        return field?.Kind switch
        {
            MrzFieldKind.DocumentCode => column == field.Start ? Letters : Letters + "<",
            MrzFieldKind.CountryCode or MrzFieldKind.Name => Letters + "<",
            MrzFieldKind.Date => Digits,
            MrzFieldKind.Sex => "MF<",
            // A check digit may be '<': an empty TD3 personal number, or the long-number flag in TD1/TD2.
            MrzFieldKind.CheckDigit => Digits + "<",
            _ => OcrBGlyphBank.Alphabet,
        };
    }
}

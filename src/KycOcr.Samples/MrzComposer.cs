using System.Globalization;
using System.Text;

namespace KycOcr.Samples;

/// <summary>Builds ICAO 9303 TD1 / TD2 / TD3 machine-readable zones from holder data.</summary>
public static class MrzComposer
{
    public static MrzComposition Compose(DocumentKind kind, HolderData holder)
    {
        var layout = DocumentLayout.For(kind);
        string code = layout.DocumentCode;
        string birth = Yymmdd(holder.BirthDate);
        string expiry = Yymmdd(holder.ExpiryDate);
        char sex = holder.Sex == 'X' ? '<' : holder.Sex;
        string state = Pad(holder.IssuingState, 3);
        string nationality = Pad(holder.Nationality, 3);

        string[] lines;
        string nameField;
        switch (kind)
        {
            case DocumentKind.IdCardTd1:
            {
                string number = holder.DocumentNumber;
                string numberField;
                string optional;
                if (number.Length <= 9)
                {
                    numberField = Pad(number, 9) + MrzCheckDigit.Compute(Pad(number, 9));
                    optional = Pad(holder.OptionalData, 15);
                }
                else
                {
                    // Long-number rule: 9 principal characters, '<' in the check position, then
                    // the rest of the number and the check digit over the whole number, then a filler.
                    numberField = number[..9] + "<";
                    optional = Pad(number[9..] + MrzCheckDigit.Compute(number) + "<" + holder.OptionalData, 15);
                }

                string line1 = Pad(code, 2) + state + numberField + optional;
                string line2Head = birth + MrzCheckDigit.Compute(birth) + sex + expiry + MrzCheckDigit.Compute(expiry)
                    + nationality + Pad("", 11);
                string composite = line1[5..30] + line2Head[0..7] + line2Head[8..15] + line2Head[18..29];
                nameField = NameField(holder, 30);
                lines = [line1, line2Head + MrzCheckDigit.Compute(composite), nameField];
                break;
            }

            case DocumentKind.CardTd2:
            {
                nameField = NameField(holder, 31);
                string line1 = Pad(code, 2) + state + nameField;
                string numberField = Pad(holder.DocumentNumber, 9);
                string line2Head = numberField + MrzCheckDigit.Compute(numberField) + nationality
                    + birth + MrzCheckDigit.Compute(birth) + sex + expiry + MrzCheckDigit.Compute(expiry)
                    + Pad(holder.OptionalData, 7);
                string composite = line2Head[0..10] + line2Head[13..20] + line2Head[21..35];
                lines = [line1, line2Head + MrzCheckDigit.Compute(composite)];
                break;
            }

            case DocumentKind.PassportTd3:
            {
                nameField = NameField(holder, 39);
                string line1 = Pad(code, 2) + state + nameField;
                string numberField = Pad(holder.DocumentNumber, 9);
                string personal = Pad(holder.OptionalData, 14);
                // An unused personal number may carry '<' as its check digit (ICAO 9303-4).
                char personalCheck = holder.OptionalData.Length == 0 ? '<' : MrzCheckDigit.Compute(personal);
                string line2Head = numberField + MrzCheckDigit.Compute(numberField) + nationality
                    + birth + MrzCheckDigit.Compute(birth) + sex + expiry + MrzCheckDigit.Compute(expiry)
                    + personal + personalCheck;
                string composite = line2Head[0..10] + line2Head[13..20] + line2Head[21..43];
                lines = [line1, line2Head + MrzCheckDigit.Compute(composite)];
                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown document kind.");
        }

        (string surname, string given) = ReadName(nameField);
        var fields = new MrzHolderFields
        {
            DocumentCode = code,
            IssuingState = holder.IssuingState,
            Surname = surname,
            GivenNames = given,
            DocumentNumber = holder.DocumentNumber,
            Nationality = holder.Nationality,
            BirthDate = IsoDate(holder.BirthDate),
            Sex = holder.Sex.ToString(),
            ExpiryDate = IsoDate(holder.ExpiryDate),
            OptionalData = holder.OptionalData,
        };
        bool truncated = surname != holder.Surname || given != string.Join(' ', holder.GivenNames);
        return new MrzComposition(lines, fields, truncated);
    }

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Yymmdd(DateOnly date) => date.ToString("yyMMdd", CultureInfo.InvariantCulture);

    private static string Pad(string value, int length)
    {
        if (value.Length > length)
        {
            throw new ArgumentException($"'{value}' does not fit an MRZ field of {length} characters.", nameof(value));
        }

        return value.PadRight(length, '<');
    }

    /// <summary>SURNAME&lt;&lt;GIVEN&lt;NAMES, cut at the field length (simple truncation, no abbreviation).</summary>
    private static string NameField(HolderData holder, int length)
    {
        var name = new StringBuilder(holder.Surname.Replace(' ', '<'));
        name.Append("<<").Append(string.Join('<', holder.GivenNames));
        string text = name.ToString();
        return text.Length > length ? text[..length] : text.PadRight(length, '<');
    }

    private static (string Surname, string Given) ReadName(string field)
    {
        string trimmed = field.TrimEnd('<');
        int split = trimmed.IndexOf("<<", StringComparison.Ordinal);
        string surname = split < 0 ? trimmed : trimmed[..split];
        string given = split < 0 ? "" : trimmed[(split + 2)..];
        return (surname.Replace('<', ' ').Trim(), given.Replace('<', ' ').Trim());
    }
}

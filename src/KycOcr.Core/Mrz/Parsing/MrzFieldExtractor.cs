using static KycOcr.Core.Mrz.MrzFieldNames;

namespace KycOcr.Core.Mrz.Parsing;

/// <summary>Reads the field values out of lines of the right geometry, valid or not.</summary>
internal static class MrzFieldExtractor
{
    public static MrzFields Extract(MrzLayout layout, IReadOnlyList<string> lines, DateOnly today)
    {
        string Text(string name) => layout.Field(name).Slice(lines);

        var longNumber = MrzLongDocumentNumber.Find(layout, lines);
        var name = MrzNameParser.Parse(Text(Name));
        var number = Text(DocumentNumber);
        return new MrzFields
        {
            DocumentCode = Text(DocumentCode).TrimEnd('<'),
            IssuingState = Text(IssuingState).TrimEnd('<'),
            Surname = name.Surname,
            GivenNames = name.GivenNames,
            DocumentNumber = longNumber?.Number(lines) ?? number[..MrzFillerRules.ContentEnd(number)],
            Nationality = Text(Nationality).TrimEnd('<'),
            BirthDate = MrzDates.ResolveBirthDate(Text(BirthDate), today),
            Sex = Text(Sex)[0] switch
            {
                'M' => "M",
                'F' => "F",
                '<' or 'X' => "X",
                _ => null,
            },
            ExpiryDate = MrzDates.ResolveExpiryDate(Text(ExpiryDate), today),
            OptionalData = (longNumber?.Remainder(lines) ?? Text(OptionalData)).Trim('<'),
            OptionalData2 = layout.FindField(OptionalData2)?.Slice(lines).Trim('<'),
        };
    }
}

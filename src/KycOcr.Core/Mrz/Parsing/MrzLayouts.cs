using static KycOcr.Core.Mrz.MrzFieldNames;

namespace KycOcr.Core.Mrz.Parsing;

/// <summary>The five ICAO 9303 layouts (parts 4–7), positions zero-based.</summary>
internal static class MrzLayouts
{
    private static readonly MrzLayout _td1 = BuildTd1();
    private static readonly MrzLayout _td2 = BuildTwoLine(MrzFormat.TD2, 36, optionalLength: 7, composite: true);
    private static readonly MrzLayout _td3 = BuildTwoLine(MrzFormat.TD3, 44, optionalLength: 14, composite: true);
    private static readonly MrzLayout _mrva = BuildTwoLine(MrzFormat.MRVA, 44, optionalLength: 16, composite: false);
    private static readonly MrzLayout _mrvb = BuildTwoLine(MrzFormat.MRVB, 36, optionalLength: 8, composite: false);

    public static MrzLayout For(MrzFormat format) => format switch
    {
        MrzFormat.TD1 => _td1,
        MrzFormat.TD2 => _td2,
        MrzFormat.TD3 => _td3,
        MrzFormat.MRVA => _mrva,
        MrzFormat.MRVB => _mrvb,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown MRZ format."),
    };

    private static MrzLayout BuildTd1()
    {
        MrzFieldSpec[] fields =
        [
            new(DocumentCode, MrzFieldKind.DocumentCode, 0, 0, 2),
            new(IssuingState, MrzFieldKind.CountryCode, 0, 2, 3),
            new(DocumentNumber, MrzFieldKind.DocumentNumber, 0, 5, 9),
            new(DocumentNumberCheck, MrzFieldKind.CheckDigit, 0, 14, 1),
            new(OptionalData, MrzFieldKind.OptionalData, 0, 15, 15),
            new(BirthDate, MrzFieldKind.Date, 1, 0, 6),
            new(BirthDateCheck, MrzFieldKind.CheckDigit, 1, 6, 1),
            new(Sex, MrzFieldKind.Sex, 1, 7, 1),
            new(ExpiryDate, MrzFieldKind.Date, 1, 8, 6),
            new(ExpiryDateCheck, MrzFieldKind.CheckDigit, 1, 14, 1),
            new(Nationality, MrzFieldKind.CountryCode, 1, 15, 3),
            new(OptionalData2, MrzFieldKind.OptionalData, 1, 18, 11),
            new(CompositeCheck, MrzFieldKind.CheckDigit, 1, 29, 1),
            new(Name, MrzFieldKind.Name, 2, 0, 30),
        ];
        MrzCheckSpec[] checks =
        [
            MrzCheckSpec.Over(DocumentNumber, new(0, 14), (0, 5, 9)) with { Repairable = true },
            MrzCheckSpec.Over(BirthDate, new(1, 6), (1, 0, 6)),
            MrzCheckSpec.Over(ExpiryDate, new(1, 14), (1, 8, 6)),
            MrzCheckSpec.Over(Composite, new(1, 29), (0, 5, 25), (1, 0, 7), (1, 8, 7), (1, 18, 11)),
        ];
        return new MrzLayout(MrzFormat.TD1, 3, 30, fields, checks, LongNumberContinuation: OptionalData);
    }

    // TD2, TD3 and both visas share the first 28 cells of line 2; they differ in length,
    // the size of the optional field, and whether a composite (and TD3's personal-number check) follows.
    private static MrzLayout BuildTwoLine(MrzFormat format, int length, int optionalLength, bool composite)
    {
        var personalCheck = format == MrzFormat.TD3;
        var fields = new List<MrzFieldSpec>
        {
            new(DocumentCode, MrzFieldKind.DocumentCode, 0, 0, 2),
            new(IssuingState, MrzFieldKind.CountryCode, 0, 2, 3),
            new(Name, MrzFieldKind.Name, 0, 5, length - 5),
            new(DocumentNumber, MrzFieldKind.DocumentNumber, 1, 0, 9),
            new(DocumentNumberCheck, MrzFieldKind.CheckDigit, 1, 9, 1),
            new(Nationality, MrzFieldKind.CountryCode, 1, 10, 3),
            new(BirthDate, MrzFieldKind.Date, 1, 13, 6),
            new(BirthDateCheck, MrzFieldKind.CheckDigit, 1, 19, 1),
            new(Sex, MrzFieldKind.Sex, 1, 20, 1),
            new(ExpiryDate, MrzFieldKind.Date, 1, 21, 6),
            new(ExpiryDateCheck, MrzFieldKind.CheckDigit, 1, 27, 1),
            new(OptionalData, MrzFieldKind.OptionalData, 1, 28, optionalLength),
        };
        var checks = new List<MrzCheckSpec>
        {
            // Without a composite nothing corroborates a swap, and a misread check digit would
            // "confirm" a wrong swap about as often as not, so visas get no document-number swaps.
            MrzCheckSpec.Over(DocumentNumber, new(1, 9), (1, 0, 9)) with { Repairable = composite },
            MrzCheckSpec.Over(BirthDate, new(1, 19), (1, 13, 6)),
            MrzCheckSpec.Over(ExpiryDate, new(1, 27), (1, 21, 6)),
        };
        if (personalCheck)
        {
            fields.Add(new(OptionalDataCheck, MrzFieldKind.CheckDigit, 1, 42, 1));
            checks.Add(MrzCheckSpec.Over(OptionalData, new(1, 42), (1, 28, 14)) with
            {
                FillerDigitWhenEmpty = true,
                Repairable = true,
            });
        }

        if (composite)
        {
            fields.Add(new(CompositeCheck, MrzFieldKind.CheckDigit, 1, length - 1, 1));
            checks.Add(MrzCheckSpec.Over(Composite, new(1, length - 1), (1, 0, 10), (1, 13, 7), (1, 21, length - 22)));
        }

        var continuation = format == MrzFormat.TD2 ? OptionalData : null;
        return new MrzLayout(format, 2, length, fields, checks, continuation);
    }
}

namespace KycOcr.Core.Mrz.Parsing;

/// <summary>Resolves a layout's check digits against actual lines (a long document number moves one of them).</summary>
internal static class MrzCheckResolver
{
    public static IReadOnlyList<MrzCheckSpec> Resolve(MrzLayout layout, IReadOnlyList<string> lines)
    {
        var longNumber = MrzLongDocumentNumber.Find(layout, lines);
        if (longNumber is null)
        {
            return layout.Checks;
        }

        return layout.Checks
            .Select(c => c.Name == MrzFieldNames.DocumentNumber ? longNumber.Retarget(c) : c)
            .ToArray();
    }
}

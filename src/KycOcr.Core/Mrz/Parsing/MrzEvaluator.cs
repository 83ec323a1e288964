namespace KycOcr.Core.Mrz.Parsing;

/// <summary>Judges lines of the right geometry: check digits, structure, field values. Changes nothing.</summary>
internal static class MrzEvaluator
{
    public static MrzReading Evaluate(MrzLayout layout, IReadOnlyList<string> lines, DateOnly today)
    {
        var checks = new OrderedDictionary<string, bool>();
        foreach (var check in MrzCheckResolver.Resolve(layout, lines))
        {
            checks[check.Name] = check.Holds(lines);
        }

        var (errors, warnings) = MrzStructureValidator.Validate(layout, lines, today);
        errors.AddRange(checks.Where(c => !c.Value).Select(c => $"{c.Key}: check digit does not hold"));
        return new MrzReading
        {
            Found = true,
            Format = layout.Format,
            Lines = lines.ToArray(),
            Checks = checks,
            Fields = Unreadable(layout, MrzFieldExtractor.Extract(layout, lines, today), warnings),
            Errors = errors,
            Warnings = warnings.Select(w => w.ToString()).ToArray(),
        };
    }

    // A field that breaks its rule is not read. The issuing state opens the name's line in TD2 and TD3: when it is not a
    // state code, where the name starts is not known either.
    private static MrzFields Unreadable(MrzLayout layout, MrzFields fields, List<MrzFieldProblem> problems)
    {
        foreach (var problem in problems)
        {
            fields = problem.Field switch
            {
                MrzFieldNames.IssuingState when layout.Field(MrzFieldNames.Name).Line == 0 => fields with { IssuingState = null, Surname = null, GivenNames = null },
                MrzFieldNames.IssuingState => fields with { IssuingState = null },
                MrzFieldNames.Nationality => fields with { Nationality = null },
                MrzFieldNames.Sex => fields with { Sex = null },
                _ => fields,
            };
        }

        return fields;
    }
}

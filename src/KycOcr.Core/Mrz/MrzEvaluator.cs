namespace KycOcr.Core.Mrz;

/// <summary>Judges lines of the right geometry: check digits, structure, field values. Changes nothing.</summary>
internal static class MrzEvaluator
{
    public static MrzReading Evaluate(MrzLayout layout, IReadOnlyList<string> lines, DateOnly today)
    {
        var checks = new OrderedDictionary<string, bool>();
        foreach (var check in MrzChecks.Resolve(layout, lines))
        {
            checks[check.Name] = check.Holds(lines);
        }

        var errors = MrzStructureValidator.Validate(layout, lines, today);
        errors.AddRange(checks.Where(c => !c.Value).Select(c => $"{c.Key}: check digit does not hold"));
        return new MrzReading
        {
            Found = true,
            Format = layout.Format,
            Lines = lines.ToArray(),
            Checks = checks,
            Fields = MrzFieldExtractor.Extract(layout, lines, today),
            Errors = errors,
        };
    }
}

namespace KycOcr.Core.Mrz.Correction;

/// <summary>Every way of taking one option from each list, lazily, in order (the first list varies slowest).</summary>
internal static class Combinations
{
    public static IEnumerable<List<T>> Of<T>(List<List<T>> options, int from = 0)
    {
        if (from == options.Count)
        {
            yield return [];
            yield break;
        }

        foreach (var option in options[from])
        {
            foreach (var rest in Of(options, from + 1))
            {
                yield return [option, .. rest];
            }
        }
    }
}

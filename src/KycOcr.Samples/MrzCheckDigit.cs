namespace KycOcr.Samples;

/// <summary>
/// ICAO 9303 check digits (weights 7-3-1, '&lt;' = 0, A = 10 … Z = 35). Deliberately written
/// here rather than borrowed from the service's parser, so the generator can check it.
/// </summary>
public static class MrzCheckDigit
{
    private static readonly int[] _weights = [7, 3, 1];

    public static int ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        '<' => 0,
        _ => throw new ArgumentException($"'{c}' is not an MRZ character.", nameof(c)),
    };

    public static char Compute(ReadOnlySpan<char> field)
    {
        int sum = 0;
        for (int i = 0; i < field.Length; i++)
        {
            sum += ValueOf(field[i]) * _weights[i % 3];
        }

        return (char)('0' + sum % 10);
    }

    /// <summary>True when <paramref name="checkDigit"/> matches; '&lt;' is accepted only over an all-filler field.</summary>
    public static bool IsValid(ReadOnlySpan<char> field, char checkDigit) =>
        checkDigit == '<' ? !field.ContainsAnyExcept('<') : Compute(field) == checkDigit;
}

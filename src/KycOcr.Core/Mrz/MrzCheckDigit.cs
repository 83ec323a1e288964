namespace KycOcr.Core.Mrz;

/// <summary>ICAO 9303 check digit: character values weighted 7, 3, 1 (repeating), summed, modulo 10.</summary>
public static class MrzCheckDigit
{
    /// <summary>Computes the check digit of <paramref name="field"/>.</summary>
    /// <exception cref="ArgumentException">A character is not one of A–Z, 0–9 or '&lt;'.</exception>
    public static int Compute(ReadOnlySpan<char> field)
    {
        var sum = 0;
        for (var i = 0; i < field.Length; i++)
        {
            var value = ValueOf(field[i]);
            if (value < 0)
            {
                throw new ArgumentException($"'{field[i]}' at index {i} is not an MRZ character.", nameof(field));
            }

            sum += value * WeightAt(i);
        }

        return sum % 10;
    }

    /// <summary>True when <paramref name="digit"/> is a decimal digit equal to the field's check digit.</summary>
    /// <remarks>Never throws: OCR output is untrusted, so a foreign character simply fails the check.</remarks>
    public static bool IsValid(ReadOnlySpan<char> field, char digit)
    {
        if (digit is < '0' or > '9')
        {
            return false;
        }

        foreach (var c in field)
        {
            if (ValueOf(c) < 0)
            {
                return false;
            }
        }

        return Compute(field) == digit - '0';
    }

    /// <summary>'&lt;' = 0, digits at face value, A = 10 … Z = 35; -1 for anything else.</summary>
    public static int ValueOf(char c) => c switch
    {
        '<' => 0,
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => -1,
    };

    private static int WeightAt(int index) => (index % 3) switch
    {
        0 => 7,
        1 => 3,
        _ => 1,
    };
}

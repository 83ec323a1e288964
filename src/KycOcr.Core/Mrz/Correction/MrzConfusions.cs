namespace KycOcr.Core.Mrz.Correction;

/// <summary>Letter/digit pairs that OCR engines confuse in OCR-B.</summary>
internal static class MrzConfusions
{
    /// <summary>The digit a letter stands for in a digits-only field, or null.</summary>
    public static char? ToDigit(char c) => c switch
    {
        'O' => '0',
        'I' => '1',
        'Z' => '2',
        'S' => '5',
        'G' => '6',
        'B' => '8',
        _ => null,
    };

    /// <summary>The letter a digit stands for in a letters-only field, or null.</summary>
    public static char? ToLetter(char c) => c switch
    {
        '0' => 'O',
        '1' => 'I',
        '2' => 'Z',
        '5' => 'S',
        '6' => 'G',
        '8' => 'B',
        _ => null,
    };

    /// <summary>The other member of a confusable pair, for alphanumeric fields where either could be right.</summary>
    public static char? Partner(char c) => ToDigit(c) ?? ToLetter(c);
}

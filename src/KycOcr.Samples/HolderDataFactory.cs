namespace KycOcr.Samples;

/// <summary>Invents holder data from a seed; names are random syllable strings, never real people.</summary>
public static class HolderDataFactory
{
    private static readonly string[] _syllables =
    [
        "KA", "LO", "MIR", "TEN", "SA", "VOR", "EL", "DAN", "RU", "BEL", "NOR", "TI", "GAR", "ES",
        "LIN", "MAR", "OV", "ZA", "PEL", "QUIN", "HAR", "DO", "REN", "SIL", "VA", "BRA", "TOR", "UM",
        "FEN", "IS", "KEL", "WIN", "YO", "JAR", "CU", "NES", "OR", "LA", "PRI", "STA", "MO", "XE",
    ];

    // A few real ICAO codes (including the one-letter "D") plus the specimen state Utopia.
    private static readonly string[] _states = ["UTO", "UTO", "UTO", "D", "FRA", "NLD", "ITA", "ESP", "CAN", "AUS", "SWE", "NZL"];

    private static readonly DateOnly _birthFrom = new(1945, 1, 1);
    private static readonly DateOnly _expiryFrom = new(2027, 1, 1);

    public static HolderData Create(int seed, DocumentKind kind)
    {
        var rng = SeedStreams.Create(seed, "holder");

        // One document in five gets names long enough to be truncated in the MRZ.
        bool longNames = rng.NextDouble() < 0.2;
        int surnameWords = longNames ? rng.Next(1, 3) : (rng.NextDouble() < 0.1 ? 2 : 1);
        string surname = string.Join(' ', Enumerable.Range(0, surnameWords)
            .Select(_ => Word(rng, longNames ? rng.Next(4, 7) : rng.Next(2, 4))));
        int givenCount = longNames ? rng.Next(2, 5) : rng.Next(1, 4);
        var givenNames = Enumerable.Range(0, givenCount)
            .Select(_ => Word(rng, longNames ? rng.Next(3, 5) : rng.Next(2, 4)))
            .ToArray();

        // TD1 sometimes gets a number longer than 9 characters to exercise the long-number rule.
        bool longNumber = kind == DocumentKind.IdCardTd1 && rng.NextDouble() < 0.15;
        string documentNumber = DocumentNumber(rng, longNumber ? rng.Next(10, 13) : 9);

        string nationality = rng.Pick(_states);
        string issuingState = rng.NextDouble() < 0.85 ? nationality : rng.Pick(_states);

        var birth = _birthFrom.AddDays(rng.Next(0, 365 * 62));
        double sexRoll = rng.NextDouble();
        char sex = sexRoll < 0.45 ? 'M' : sexRoll < 0.9 ? 'F' : 'X';
        var expiry = _expiryFrom.AddDays(rng.Next(0, 365 * 10));

        int optionalCapacity = kind switch
        {
            DocumentKind.IdCardTd1 => longNumber ? 0 : 15,
            DocumentKind.CardTd2 => 7,
            _ => 14,
        };
        string optional = optionalCapacity > 0 && rng.NextDouble() < 0.5
            ? Digits(rng, Math.Min(optionalCapacity, rng.Next(6, 12)))
            : "";

        return new HolderData
        {
            Surname = surname,
            GivenNames = givenNames,
            DocumentNumber = documentNumber,
            IssuingState = issuingState,
            Nationality = nationality,
            BirthDate = birth,
            Sex = sex,
            ExpiryDate = expiry,
            OptionalData = optional,
        };
    }

    private static string Word(Random rng, int syllables) =>
        string.Concat(Enumerable.Range(0, syllables).Select(_ => rng.Pick(_syllables)));

    private static string DocumentNumber(Random rng, int length)
    {
        const string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        const string alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            // Letter prefix plus mixed tail, like many real numbering schemes.
            chars[i] = i < 2 ? letters[rng.Next(letters.Length)] : alphanumeric[rng.Next(alphanumeric.Length)];
        }

        return new string(chars);
    }

    private static string Digits(Random rng, int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => (char)('0' + rng.Next(10))));
}

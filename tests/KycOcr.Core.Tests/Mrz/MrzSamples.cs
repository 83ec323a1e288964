namespace KycOcr.Core.Tests.Mrz;

/// <summary>
/// ICAO 9303 specimens and constructed variants. Every check digit here was computed independently
/// of the code under test; the specimens are valid exactly as printed in the brief.
/// </summary>
internal static class MrzSamples
{
    public static readonly DateOnly Today = new(2025, 6, 15);

    public static readonly string[] Td3 =
    [
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    ];

    public static readonly string[] Td1 =
    [
        "I<UTOD231458907<<<<<<<<<<<<<<<",
        "7408122F1204159UTO<<<<<<<<<<<6",
        "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
    ];

    public static readonly string[] Td2 =
    [
        "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
        "D231458907UTO7408122F1204159<<<<<<<6",
    ];

    public static readonly string[] Mrva =
    [
        "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
    ];

    public static readonly string[] Mrvb =
    [
        "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
        "L8988901C4XXX4009078F9612109<<<<<<<<",
    ];

    /// <summary>TD1 with a 12-character document number (D23145890734, check digit 9).</summary>
    public static readonly string[] Td1LongNumber =
    [
        "I<UTOD23145890<7349<<<<<<<<<<<",
        "3407127M9507122UTO<<<<<<<<<<<2",
        "STEVENSON<<PETER<JOHN<<<<<<<<<",
    ];

    /// <summary>TD3 line 1 with the given line 2 of the specimen.</summary>
    public static string[] Td3With(string line2) => [Td3[0], line2];

    public static string[] Replace(string[] lines, int line, int column, char c)
    {
        var copy = (string[])lines.Clone();
        var chars = copy[line].ToCharArray();
        chars[column] = c;
        copy[line] = new string(chars);
        return copy;
    }
}

using KycOcr.Core.Mrz;

namespace KycOcr.Core.Tests.Mrz.Parsing;

/// <summary>Each check-digit cell of each specimen, altered in turn.</summary>
public class MrzCheckFailureTests
{
    public static TheoryData<string, int, int, string> CheckDigitCells => new()
    {
        { "TD3", 1, 9, "document_number" },
        { "TD3", 1, 19, "birth_date" },
        { "TD3", 1, 27, "expiry_date" },
        { "TD3", 1, 42, "optional_data" },
        { "TD3", 1, 43, "composite" },
        { "TD1", 0, 14, "document_number" },
        { "TD1", 1, 6, "birth_date" },
        { "TD1", 1, 14, "expiry_date" },
        { "TD1", 1, 29, "composite" },
        { "TD2", 1, 9, "document_number" },
        { "TD2", 1, 19, "birth_date" },
        { "TD2", 1, 27, "expiry_date" },
        { "TD2", 1, 35, "composite" },
        { "MRVA", 1, 9, "document_number" },
        { "MRVA", 1, 19, "birth_date" },
        { "MRVA", 1, 27, "expiry_date" },
        { "MRVB", 1, 9, "document_number" },
        { "MRVB", 1, 19, "birth_date" },
        { "MRVB", 1, 27, "expiry_date" },
    };

    [Theory]
    [MemberData(nameof(CheckDigitCells))]
    public void Wrong_check_digit_fails_that_check_and_is_not_corrected(string format, int line, int column, string check)
    {
        var specimen = Specimen(format);
        var digit = specimen[line][column];
        var wrong = (char)('0' + (digit - '0' + 1) % 10);

        var reading = MrzParser.Parse(MrzSamples.Replace(specimen, line, column, wrong), MrzSamples.Today);

        Assert.True(reading.Found);
        Assert.False(reading.Valid);
        Assert.False(reading.Checks[check]);
        Assert.Contains($"{check}: check digit does not hold", reading.Errors);
        Assert.Empty(reading.Corrections);
        // Check digits other than the altered one only fail where the composite covers the altered cell.
        Assert.All(
            reading.Checks.Where(c => c.Key != check && c.Key != "composite"),
            c => Assert.True(c.Value, c.Key));
    }

    [Fact]
    public void Composite_alone_wrong_leaves_the_other_checks_holding()
    {
        var reading = MrzParser.Parse(MrzSamples.Replace(MrzSamples.Td3, 1, 43, '1'), MrzSamples.Today);

        Assert.False(reading.Checks["composite"]);
        Assert.Equal(4, reading.Checks.Count(c => c.Value));
        Assert.False(reading.Valid);
    }

    private static string[] Specimen(string format) => format switch
    {
        "TD3" => MrzSamples.Td3,
        "TD1" => MrzSamples.Td1,
        "TD2" => MrzSamples.Td2,
        "MRVA" => MrzSamples.Mrva,
        "MRVB" => MrzSamples.Mrvb,
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}

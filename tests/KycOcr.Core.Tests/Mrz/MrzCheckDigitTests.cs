using KycOcr.Core.Mrz;

namespace KycOcr.Core.Tests.Mrz;

public class MrzCheckDigitTests
{
    [Theory]
    [InlineData("L898902C3", 6)]
    [InlineData("D23145890", 7)]
    [InlineData("740812", 2)]
    [InlineData("120415", 9)]
    [InlineData("ZE184226B<<<<<", 1)]
    [InlineData("D23145890734", 9)]
    [InlineData("<<<<<<", 0)]
    [InlineData("", 0)]
    public void Compute_matches_icao_values(string field, int expected) =>
        Assert.Equal(expected, MrzCheckDigit.Compute(field));

    [Theory]
    [InlineData("1", 7)]
    [InlineData("01", 3)]
    [InlineData("001", 1)]
    [InlineData("0001", 7)]
    [InlineData("A", 0)] // 10 × 7
    [InlineData("<B", 3)] // 11 × 3
    [InlineData("<<Z", 5)] // 35 × 1
    public void Compute_uses_weights_7_3_1_and_letter_values(string field, int expected) =>
        Assert.Equal(expected, MrzCheckDigit.Compute(field));

    [Fact]
    public void IsValid_accepts_only_the_right_digit()
    {
        Assert.True(MrzCheckDigit.IsValid("L898902C3", '6'));
        Assert.False(MrzCheckDigit.IsValid("L898902C3", '7'));
        Assert.False(MrzCheckDigit.IsValid("L898902C3", 'G'));
        Assert.False(MrzCheckDigit.IsValid("<<<", '<'));
    }

    [Fact]
    public void Foreign_characters_fail_IsValid_and_throw_from_Compute()
    {
        Assert.False(MrzCheckDigit.IsValid("L89890$C3", '6'));
        Assert.Throws<ArgumentException>(() => MrzCheckDigit.Compute("l898902c3"));
    }
}

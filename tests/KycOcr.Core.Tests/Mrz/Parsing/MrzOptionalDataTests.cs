using KycOcr.Core.Mrz;

namespace KycOcr.Core.Tests.Mrz.Parsing;

public class MrzOptionalDataTests
{
    [Theory]
    [InlineData("L898902C36UTO7408122F1204159<<<<<<<<<<<<<<<8")] // empty personal number, '<' for its check digit
    [InlineData("L898902C36UTO7408122F1204159<<<<<<<<<<<<<<08")] // empty personal number, '0' for its check digit
    public void Empty_personal_number_with_filler_or_zero_check_digit_is_valid(string line2)
    {
        var reading = MrzParser.Parse(MrzSamples.Td3With(line2), MrzSamples.Today);

        Assert.True(reading.Valid);
        Assert.True(reading.Checks["optional_data"]);
        Assert.Equal("", reading.Fields!.OptionalData);
    }

    [Fact]
    public void Filler_check_digit_is_not_allowed_once_the_personal_number_has_content()
    {
        var reading = MrzParser.Parse(MrzSamples.Replace(MrzSamples.Td3, 1, 42, '<'), MrzSamples.Today);

        Assert.False(reading.Valid);
        Assert.False(reading.Checks["optional_data"]);
    }

    [Fact]
    public void Td1_long_document_number_continues_in_the_optional_data()
    {
        var reading = MrzParser.Parse(MrzSamples.Td1LongNumber, MrzSamples.Today);

        Assert.True(reading.Valid);
        Assert.Empty(reading.Corrections);
        Assert.True(reading.Checks["document_number"]);
        Assert.True(reading.Checks["composite"]);
        Assert.Equal("D23145890734", reading.Fields!.DocumentNumber);
        Assert.Equal("", reading.Fields.OptionalData);
        Assert.Equal("STEVENSON", reading.Fields.Surname);
        Assert.Equal("PETER JOHN", reading.Fields.GivenNames);
        Assert.Equal("M", reading.Fields.Sex);
        Assert.Equal(new DateOnly(1934, 7, 12), reading.Fields.BirthDate);
        Assert.Equal(new DateOnly(1995, 7, 12), reading.Fields.ExpiryDate);
    }

    [Fact]
    public void Td1_long_document_number_followed_by_more_optional_data()
    {
        var reading = MrzParser.Parse(
            ["I<UTOD23145890<7349<AB12<<<<<<", "3407127M9507122UTO<<<<<<<<<<<0", "STEVENSON<<PETER<JOHN<<<<<<<<<"],
            MrzSamples.Today);

        Assert.True(reading.Valid);
        Assert.Equal("D23145890734", reading.Fields!.DocumentNumber);
        Assert.Equal("AB12", reading.Fields.OptionalData);
    }

    [Fact]
    public void Td1_long_document_number_with_a_wrong_relocated_check_digit_fails()
    {
        var reading = MrzParser.Parse(MrzSamples.Replace(MrzSamples.Td1LongNumber, 0, 18, '8'), MrzSamples.Today);

        Assert.False(reading.Valid);
        Assert.False(reading.Checks["document_number"]);
    }

    [Fact]
    public void Td1_filler_in_the_check_digit_cell_without_a_continuation_is_invalid()
    {
        var reading = MrzParser.Parse(MrzSamples.Replace(MrzSamples.Td1, 0, 14, '<'), MrzSamples.Today);

        Assert.False(reading.Valid);
        Assert.False(reading.Checks["document_number"]);
        Assert.Contains(reading.Errors, e => e.StartsWith("optional_data:", StringComparison.Ordinal));
    }

    [Fact]
    public void Td2_long_document_number()
    {
        var reading = MrzParser.Parse(
            ["I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<", "D23145890<UTO3407127M95071227349<<<8"], MrzSamples.Today);

        Assert.True(reading.Valid);
        Assert.Equal("D23145890734", reading.Fields!.DocumentNumber);
        Assert.Equal("", reading.Fields.OptionalData);
    }
}

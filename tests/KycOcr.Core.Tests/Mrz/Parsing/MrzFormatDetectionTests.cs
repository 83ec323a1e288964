using KycOcr.Core.Mrz;

namespace KycOcr.Core.Tests.Mrz.Parsing;

public class MrzFormatDetectionTests
{
    [Fact]
    public void Visa_document_code_separates_mrv_from_td_of_the_same_size()
    {
        Assert.Equal(MrzFormat.TD3, MrzParser.Parse(MrzSamples.Td3, MrzSamples.Today).Format);
        Assert.Equal(MrzFormat.MRVA, MrzParser.Parse(MrzSamples.Mrva, MrzSamples.Today).Format);
        Assert.Equal(MrzFormat.TD2, MrzParser.Parse(MrzSamples.Td2, MrzSamples.Today).Format);
        Assert.Equal(MrzFormat.MRVB, MrzParser.Parse(MrzSamples.Mrvb, MrzSamples.Today).Format);
        Assert.Equal(MrzFormat.TD1, MrzParser.Parse(MrzSamples.Td1, MrzSamples.Today).Format);
    }

    [Theory]
    [InlineData("")]
    [InlineData("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<")]
    [InlineData("I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6")]
    [InlineData("a\nb\nc\nd")]
    public void Text_that_is_not_an_mrz_is_not_found(string text)
    {
        var reading = MrzParser.Parse(text, MrzSamples.Today);

        Assert.False(reading.Found);
        Assert.False(reading.Valid);
        Assert.Null(reading.Format);
        Assert.Single(reading.Errors);
    }

    [Fact]
    public void Foreign_characters_are_reported_not_thrown()
    {
        var reading = MrzParser.Parse(MrzSamples.Replace(MrzSamples.Td3, 1, 2, '$'), MrzSamples.Today);

        Assert.True(reading.Found);
        Assert.False(reading.Valid);
        Assert.False(reading.Checks["document_number"]);
        Assert.Contains("line 2 position 3: '$' is not an MRZ character", reading.Errors);
    }
}

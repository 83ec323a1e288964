using KycOcr.Core.Mrz;

namespace KycOcr.Core.Tests.Mrz.Parsing;

public class MrzNameTests
{
    [Fact]
    public void Truncated_name_filling_the_field_keeps_what_is_there()
    {
        var reading = MrzParser.Parse(
            ["P<UTOVANDERBERGHE<DE<LA<CRUZ<<MARIA<ISABELLA", MrzSamples.Td3[1]], MrzSamples.Today);

        Assert.True(reading.Valid);
        Assert.Equal("VANDERBERGHE DE LA CRUZ", reading.Fields!.Surname);
        Assert.Equal("MARIA ISABELLA", reading.Fields.GivenNames);
    }

    [Fact]
    public void Several_given_names_are_space_separated()
    {
        var reading = MrzParser.Parse(
            ["P<UTOERIKSSON<<ANNA<MARIA<LOUISE<JO<<<<<<<<<", "L898902C36UTO7408122M1204159ZE184226B<<<<<10"],
            MrzSamples.Today);

        Assert.True(reading.Valid);
        Assert.Equal("ERIKSSON", reading.Fields!.Surname);
        Assert.Equal("ANNA MARIA LOUISE JO", reading.Fields.GivenNames);
        Assert.Equal("M", reading.Fields.Sex);
    }

    [Fact]
    public void Primary_identifier_only_with_unspecified_sex()
    {
        var reading = MrzParser.Parse(
            ["P<UTOERIKSSON<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122<1204159<<<<<<<<<<<<<<08"],
            MrzSamples.Today);

        Assert.True(reading.Valid);
        Assert.Equal("ERIKSSON", reading.Fields!.Surname);
        Assert.Equal("", reading.Fields.GivenNames);
        Assert.Equal("X", reading.Fields.Sex);
    }

    [Fact]
    public void Single_letter_given_name_is_data_not_a_misread_filler()
    {
        var reading = MrzParser.Parse(
            ["P<UTOERIKSSON<<ANNA<K<<<<<<<<<<<<<<<<<<<<<<<", MrzSamples.Td3[1]], MrzSamples.Today);

        Assert.True(reading.Valid);
        Assert.Equal("ANNA K", reading.Fields!.GivenNames);
        Assert.Empty(reading.Corrections);
    }

    [Fact]
    public void Digit_in_a_name_becomes_its_letter_and_is_recorded()
    {
        var reading = MrzParser.Parse(
            ["P<UTOERIKSS0N<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", MrzSamples.Td3[1]], MrzSamples.Today);

        Assert.True(reading.Valid);
        Assert.Equal("ERIKSSON", reading.Fields!.Surname);
        Assert.Equal(MrzSamples.Td3, reading.Lines);
        var correction = Assert.Single(reading.Corrections);
        Assert.Equal(new MrzCorrection(1, 12, "0", "O", "name", MrzCorrectionKind.Alphabet), correction);
    }

    [Fact]
    public void Digit_without_a_letter_look_alike_leaves_the_name_invalid()
    {
        var reading = MrzParser.Parse(
            ["P<UTOERIKSS4N<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", MrzSamples.Td3[1]], MrzSamples.Today);

        Assert.False(reading.Valid);
        Assert.Contains(reading.Errors, e => e.StartsWith("name:", StringComparison.Ordinal));
        Assert.Empty(reading.Corrections);
    }

    [Fact]
    public void Text_after_the_name_has_ended_is_a_structural_error()
    {
        var reading = MrzParser.Parse(
            ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<JOHN<<<<<<", MrzSamples.Td3[1]], MrzSamples.Today);

        Assert.False(reading.Valid);
        Assert.Contains(reading.Errors, e => e.StartsWith("name:", StringComparison.Ordinal));
        Assert.All(reading.Checks, c => Assert.True(c.Value));
    }
}

using KycOcr.Core.Mrz;

namespace KycOcr.Core.Tests.Mrz.Correction;

/// <summary>
/// '&lt;' misread as 'K' (value 20) never moves a check digit, and two 'X's (33) weighted 7 and 3 add 330:
/// such readings pass every check digit, so structure has to catch them.
/// </summary>
public class MrzFillerCorrectionTests
{
    private const string PersonalNumberEndsInXx = "L898902C36UTO7408122F1204159ZE184226B<<<XX10";
    private const string PersonalNumberWithK = "L898902C36UTO7408122F1204159ZE184226B<K<<<10";

    [Theory]
    [InlineData(PersonalNumberEndsInXx)]
    [InlineData(PersonalNumberWithK)]
    public void Misread_fillers_pass_every_check_digit_but_the_uncorrected_reading_is_invalid(string line2)
    {
        var reading = MrzParser.Parse(MrzSamples.Td3With(line2), MrzSamples.Today, correct: false);

        Assert.All(reading.Checks, c => Assert.True(c.Value, c.Key));
        Assert.False(reading.Valid);
        Assert.Contains(reading.Errors, e => e.StartsWith("optional_data:", StringComparison.Ordinal));
    }

    [Fact]
    public void Misread_fillers_are_normalised_and_recorded()
    {
        var reading = MrzParser.Parse(MrzSamples.Td3With(PersonalNumberEndsInXx), MrzSamples.Today);

        Assert.True(reading.Valid);
        Assert.Equal(MrzSamples.Td3, reading.Lines);
        Assert.Equal("ZE184226B", reading.Fields!.OptionalData);
        Assert.Equal(
            [
                new MrzCorrection(2, 41, "X", "<", "optional_data", MrzCorrectionKind.Filler),
                new MrzCorrection(2, 42, "X", "<", "optional_data", MrzCorrectionKind.Filler),
            ],
            reading.Corrections);
    }

    [Fact]
    public void K_in_the_document_number_padding_is_a_filler()
    {
        string[] lines = ["I<UTOAB12345<K6<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<8", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"];

        var asRead = MrzParser.Parse(lines, MrzSamples.Today, correct: false);
        var corrected = MrzParser.Parse(lines, MrzSamples.Today);

        Assert.All(asRead.Checks, c => Assert.True(c.Value, c.Key));
        Assert.False(asRead.Valid);
        Assert.True(corrected.Valid);
        Assert.Equal("AB12345", corrected.Fields!.DocumentNumber);
        Assert.Equal(
            new MrzCorrection(1, 14, "K", "<", "document_number", MrzCorrectionKind.Filler),
            Assert.Single(corrected.Corrections));
    }

    [Theory]
    [InlineData("ERIKSSON<<ANNA<MARIA<<K<<<<<<<")]
    [InlineData("ERIKSSON<<ANNA<MARIA<<<<X<<<<<")]
    [InlineData("ERIKSSON<<ANNA<MARIA<<<<<<<<<K")]
    public void Misread_filler_after_the_name_is_normalised(string nameLine)
    {
        string[] lines = [MrzSamples.Td1[0], MrzSamples.Td1[1], nameLine];

        var asRead = MrzParser.Parse(lines, MrzSamples.Today, correct: false);
        var corrected = MrzParser.Parse(lines, MrzSamples.Today);

        Assert.False(asRead.Valid);
        Assert.True(corrected.Valid);
        Assert.Equal("ANNA MARIA", corrected.Fields!.GivenNames);
        Assert.Equal(MrzSamples.Td1, corrected.Lines);
        var correction = Assert.Single(corrected.Corrections);
        Assert.Equal(MrzCorrectionKind.Filler, correction.Kind);
        Assert.Equal(3, correction.Line);
    }

    [Fact]
    public void K_in_the_sex_field_is_unspecified()
    {
        var reading = MrzParser.Parse(MrzSamples.Replace(MrzSamples.Td3, 1, 20, 'K'), MrzSamples.Today);

        Assert.True(reading.Valid);
        Assert.Equal("X", reading.Fields!.Sex);
        Assert.Equal(
            new MrzCorrection(2, 21, "K", "<", "sex", MrzCorrectionKind.Filler),
            Assert.Single(reading.Corrections));
    }

    [Fact]
    public void Look_alike_inside_real_optional_data_is_left_alone()
    {
        // "AB<K<CD": a K with a single filler either side is as likely data as a misread.
        var reading = MrzParser.Parse(
            ["I<UTOD231458907AB<K<CD<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<0", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"],
            MrzSamples.Today);

        Assert.True(reading.Valid);
        Assert.Equal("AB<K<CD", reading.Fields!.OptionalData);
        Assert.Empty(reading.Corrections);
    }
}

using KycOcr.Core.Mrz;

namespace KycOcr.Core.Tests.Mrz.Correction;

public class MrzLineLengthTests
{
    [Fact]
    public void Dropped_filler_is_put_back()
    {
        var reading = MrzParser.Parse(
            MrzSamples.Td3With("L898902C36UTO7408122F1204159ZE184226B<<<<10"), MrzSamples.Today);

        Assert.True(reading.Valid);
        Assert.Equal(MrzSamples.Td3, reading.Lines);
        var correction = Assert.Single(reading.Corrections);
        Assert.Equal(MrzCorrectionKind.InsertedFiller, correction.Kind);
        Assert.Equal(2, correction.Line);
        Assert.Equal("<", correction.To);
    }

    [Fact]
    public void Two_trailing_fillers_missing_from_a_name_line_are_put_back()
    {
        var reading = MrzParser.Parse(
            ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<", MrzSamples.Td3[1]], MrzSamples.Today);

        Assert.True(reading.Valid);
        Assert.Equal(MrzSamples.Td3, reading.Lines);
        Assert.Equal(2, reading.Corrections.Count);
        Assert.All(reading.Corrections, c => Assert.Equal(MrzCorrectionKind.InsertedFiller, c.Kind));
    }

    [Fact]
    public void Extra_trailing_filler_on_a_name_line_is_removed_without_touching_separators()
    {
        // Removing a separator '<' instead would also give a well-formed name ("ERIKSSON ANNA MARIA"),
        // so only the trailing region may be edited for this to have a unique answer.
        var reading = MrzParser.Parse(
            [MrzSamples.Td1[0], MrzSamples.Td1[1], "ERIKSSON<<ANNA<MARIA<<<<<<<<<<<"], MrzSamples.Today);

        Assert.True(reading.Valid);
        Assert.Equal(MrzSamples.Td1, reading.Lines);
        Assert.Equal(
            new MrzCorrection(3, 21, "<", "", "name", MrzCorrectionKind.RemovedCharacter),
            Assert.Single(reading.Corrections));
    }

    [Fact]
    public void Extra_filler_in_a_name_separator_is_removed()
    {
        var reading = MrzParser.Parse(
            [MrzSamples.Td1[0], MrzSamples.Td1[1], "ERIKSSON<<<ANNA<MARIA<<<<<<<<<<"], MrzSamples.Today);

        Assert.True(reading.Valid);
        Assert.Equal(MrzSamples.Td1, reading.Lines);
        Assert.Equal(
            new MrzCorrection(3, 9, "<", "", "name", MrzCorrectionKind.RemovedCharacter),
            Assert.Single(reading.Corrections));
    }

    [Fact]
    public void Filler_read_as_filler_plus_K_is_shortened()
    {
        var reading = MrzParser.Parse(
            MrzSamples.Td3With("L898902C36UTO7408122F1204159ZE184226B<<K<<<10"), MrzSamples.Today);

        Assert.True(reading.Valid);
        Assert.Equal(MrzSamples.Td3, reading.Lines);
        Assert.Equal(
            new MrzCorrection(2, 40, "K", "", "optional_data", MrzCorrectionKind.RemovedCharacter),
            Assert.Single(reading.Corrections));
    }

    [Fact]
    public void Line_short_of_a_data_character_stays_invalid()
    {
        // The birth-date check digit is missing; no filler insertion can restore it.
        var line2 = "L898902C36UTO740812F1204159ZE184226B<<<<<10";

        var reading = MrzParser.Parse(MrzSamples.Td3With(line2), MrzSamples.Today);

        Assert.True(reading.Found);
        Assert.False(reading.Valid);
        Assert.Equal(line2, reading.Lines[1]);
        Assert.Contains("line 2: 43 characters, expected 44", reading.Errors);
        Assert.Empty(reading.Corrections);
    }

    [Fact]
    public void Short_line_is_reported_invalid_when_correction_is_off()
    {
        var reading = MrzParser.Parse(
            MrzSamples.Td3With("L898902C36UTO7408122F1204159ZE184226B<<<<10"), MrzSamples.Today, correct: false);

        Assert.False(reading.Valid);
        Assert.Contains("line 2: 43 characters, expected 44", reading.Errors);
    }

    [Theory]
    [InlineData("L898902C36UTO7408122F1204159ZE184226B<<<<<10<<<")]
    [InlineData("L898902C36UTO7408122F1204159ZE184226B<10")]
    public void Lines_off_by_more_than_two_are_not_an_mrz(string line2)
    {
        var reading = MrzParser.Parse(MrzSamples.Td3With(line2), MrzSamples.Today);

        Assert.False(reading.Found);
        Assert.False(reading.Valid);
        Assert.Null(reading.Fields);
    }
}

using KycOcr.Core.Mrz;
using KycOcr.Core.Mrz.Correction;

namespace KycOcr.Core.Tests.Mrz.Correction;

public class MrzConfusionCorrectionTests
{
    [Fact]
    public void Letters_in_a_birth_date_become_digits_and_are_recorded()
    {
        var reading = MrzParser.Parse(
            MrzSamples.Td3With("L898902C36UTO74O8I22F1204159ZE184226B<<<<<10"), MrzSamples.Today);

        Assert.True(reading.Valid);
        Assert.Equal(MrzSamples.Td3, reading.Lines);
        Assert.Equal(new DateOnly(1974, 8, 12), reading.Fields!.BirthDate);
        Assert.Equal(
            [
                new MrzCorrection(2, 16, "O", "0", "birth_date", MrzCorrectionKind.Alphabet),
                new MrzCorrection(2, 18, "I", "1", "birth_date", MrzCorrectionKind.Alphabet),
            ],
            reading.Corrections);
    }

    [Fact]
    public void Letters_in_the_expiry_date_and_in_check_digit_cells_become_digits()
    {
        var reading = MrzParser.Parse(
            MrzSamples.Td3With("L898902C36UTO740812ZF12O4I59ZE184226B<<<<<1O"), MrzSamples.Today);

        Assert.True(reading.Valid);
        Assert.Equal(MrzSamples.Td3, reading.Lines);
        Assert.Equal(new DateOnly(2012, 4, 15), reading.Fields!.ExpiryDate);
        Assert.Equal(
            [
                new MrzCorrection(2, 20, "Z", "2", "birth_date_check", MrzCorrectionKind.Alphabet),
                new MrzCorrection(2, 24, "O", "0", "expiry_date", MrzCorrectionKind.Alphabet),
                new MrzCorrection(2, 26, "I", "1", "expiry_date", MrzCorrectionKind.Alphabet),
                new MrzCorrection(2, 44, "O", "0", "composite_check", MrzCorrectionKind.Alphabet),
            ],
            reading.Corrections);
    }

    [Fact]
    public void Digits_in_state_codes_become_letters()
    {
        var reading = MrzParser.Parse(
            ["P<UT0ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UT07408122F1204159ZE184226B<<<<<10"],
            MrzSamples.Today);

        Assert.True(reading.Valid);
        Assert.Equal("UTO", reading.Fields!.IssuingState);
        Assert.Equal("UTO", reading.Fields.Nationality);
        Assert.Equal(
            [
                new MrzCorrection(1, 5, "0", "O", "issuing_state", MrzCorrectionKind.Alphabet),
                new MrzCorrection(2, 13, "0", "O", "nationality", MrzCorrectionKind.Alphabet),
            ],
            reading.Corrections);
    }

    [Fact]
    public void Document_number_swap_is_accepted_when_exactly_one_candidate_validates()
    {
        var reading = MrzParser.Parse(
            MrzSamples.Td3With("L8989O2C36UTO7408122F1204159ZE184226B<<<<<10"), MrzSamples.Today);

        Assert.True(reading.Valid);
        Assert.Equal("L898902C3", reading.Fields!.DocumentNumber);
        Assert.Equal(
            new MrzCorrection(2, 6, "O", "0", "document_number", MrzCorrectionKind.CheckDigitCandidate),
            Assert.Single(reading.Corrections));
    }

    [Fact]
    public void Document_number_swap_with_two_validating_candidates_is_not_applied()
    {
        // Printed L89B902C3 (check 7), read with B as 8; L89890ZC3 also has check digit 7 and the same composite.
        var line2 = "L898902C37UTO7408122F1204159ZE184226B<<<<<18";

        var reading = MrzParser.Parse(MrzSamples.Td3With(line2), MrzSamples.Today);

        Assert.False(reading.Valid);
        Assert.False(reading.Checks["document_number"]);
        Assert.Equal(line2, reading.Lines[1]);
        Assert.Empty(reading.Corrections);
        Assert.Contains(reading.Errors, e => e.StartsWith("ambiguous: 2 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Confusion_whose_check_digit_still_fails_stays_invalid_and_uncorrected()
    {
        // Birth date 74O812 with check digit 3: 740812 would need 2.
        var line2 = "L898902C36UTO74O8123F1204159ZE184226B<<<<<10";

        var reading = MrzParser.Parse(MrzSamples.Td3With(line2), MrzSamples.Today);

        Assert.False(reading.Valid);
        Assert.False(reading.Checks["birth_date"]);
        Assert.Null(reading.Fields!.BirthDate);
        Assert.Equal(line2, reading.Lines[1]);
        Assert.Empty(reading.Corrections);
    }

    [Fact]
    public void Visa_document_number_is_not_swapped_without_a_composite_to_confirm_it()
    {
        var line2 = "L89889O1C4XXX4009078F96121096ZE184226B<<<<<<";

        var reading = MrzParser.Parse([MrzSamples.Mrva[0], line2], MrzSamples.Today);

        Assert.False(reading.Valid);
        Assert.False(reading.Checks["document_number"]);
        Assert.Empty(reading.Corrections);
    }

    [Fact]
    public void Corrector_can_be_switched_off()
    {
        var reading = MrzParser.Parse(
            MrzSamples.Td3With("L898902C36UTO74O8I22F1204159ZE184226B<<<<<10"), MrzSamples.Today, correct: false);

        Assert.False(reading.Valid);
        Assert.Empty(reading.Corrections);
        Assert.False(reading.Checks["birth_date"]);
    }

    [Fact]
    public void Corrector_is_usable_on_its_own()
    {
        var corrected = MrzCorrector.Correct(
            MrzFormat.TD3, MrzSamples.Td3With("L898902C36UTO74O8122F1204159ZE184226B<<<<<10"), MrzSamples.Today);
        var hopeless = MrzCorrector.Correct(
            MrzFormat.TD3, MrzSamples.Td3With("L898902C36UTO74O8123F1204159ZE184226B<<<<<10"), MrzSamples.Today);

        Assert.NotNull(corrected);
        Assert.True(corrected.Valid);
        Assert.Single(corrected.Corrections);
        Assert.Null(hopeless);
    }
}

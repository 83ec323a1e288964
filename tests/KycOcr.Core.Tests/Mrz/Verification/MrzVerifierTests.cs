using KycOcr.Core.Extraction;
using KycOcr.Core.Mrz;
using KycOcr.Core.Mrz.Verification;

namespace KycOcr.Core.Tests.Mrz.Verification;

public sealed class MrzVerifierTests
{
    // The ICAO 9303 TD3 specimen: ERIKSSON, ANNA MARIA, L898902C3, UTO, 1974-08-12, F, expiry 2012-04-15.
    private static readonly MrzReading Specimen = MrzParser.Parse(
        ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"], new DateOnly(2010, 1, 1));

    private static FieldValue Read(string value) => new(value, value, "model");

    private static DocumentFields AsPrinted() => new()
    {
        Surname = Read("Eriksson"),
        GivenNames = Read("Anna Maria"),
        DocumentNumber = Read("L898902C3"),
        Nationality = Read("UTO"),
        DateOfBirth = Read("1974-08-12"),
        Sex = Read("F"),
        DateOfExpiry = Read("2012-04-15"),
        PlaceOfBirth = Read("Zenith"),
    };

    [Fact]
    public void A_faithful_reading_agrees_field_by_field()
    {
        Assert.True(Specimen.Valid);

        var verification = MrzVerifier.Verify(AsPrinted(), Specimen, new DateOnly(2011, 6, 1));

        Assert.All(verification.Fields.Values, result => Assert.Equal(MrzVerifier.Agrees, result));
        Assert.True(verification.AllAgree);
        Assert.False(verification.DocumentExpired);
        Assert.Equal("2011-06-01", verification.CheckedOn);
    }

    [Fact]
    public void A_wrong_field_disagrees_and_the_rest_still_agree()
    {
        var fields = AsPrinted() with { DateOfBirth = Read("1974-12-08"), DocumentNumber = Read("L898902C8") };

        var verification = MrzVerifier.Verify(fields, Specimen, new DateOnly(2011, 6, 1));

        Assert.Equal(MrzVerifier.Disagrees, verification.Fields["date_of_birth"]);
        Assert.Equal(MrzVerifier.Disagrees, verification.Fields["document_number"]);
        Assert.Equal(MrzVerifier.Agrees, verification.Fields["surname"]);
        Assert.False(verification.AllAgree);
    }

    [Fact]
    public void The_document_has_expired_after_its_expiry_date()
    {
        Assert.True(MrzVerifier.Verify(AsPrinted(), Specimen, new DateOnly(2012, 4, 16)).DocumentExpired);
        Assert.False(MrzVerifier.Verify(AsPrinted(), Specimen, new DateOnly(2012, 4, 15)).DocumentExpired);
    }

    [Fact]
    public void A_field_the_model_could_not_read_is_not_read_not_a_disagreement()
    {
        var verification = MrzVerifier.Verify(AsPrinted() with { Sex = null }, Specimen, new DateOnly(2011, 6, 1));

        Assert.Equal(MrzVerifier.NotRead, verification.Fields["sex"]);
        Assert.True(verification.AllAgree);
    }

    [Fact]
    public void Without_a_valid_mrz_nothing_is_verified()
    {
        var broken = MrzParser.Parse(
            ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C37UTO7408122F1204159ZE184226B<<<<<10"], new DateOnly(2010, 1, 1), correct: false);

        var verification = MrzVerifier.Verify(AsPrinted(), broken, new DateOnly(2011, 6, 1));

        Assert.False(verification.MrzValid);
        Assert.All(verification.Fields.Values, result => Assert.Equal(MrzVerifier.Unverified, result));
        Assert.False(verification.AllAgree);
        Assert.False(verification.DocumentExpired); // from the model's expiry date
    }

    [Theory]
    [InlineData("Östlund", "OESTLUND")]
    [InlineData("Östlund", "OSTLUND")]
    [InlineData("Müller-Lüdenscheidt", "MUELLER LUEDENSCHEIDT")]
    [InlineData("O'Brien", "OBRIEN")]
    [InlineData("José María", "JOSE MARIA")]
    [InlineData("Strauß", "STRAUSS")]
    public void Names_compare_after_icao_transliteration(string printed, string inMrz)
    {
        Assert.Contains(inMrz, IcaoTransliteration.Forms(printed));
    }

    [Fact]
    public void A_name_cut_short_in_the_mrz_still_agrees_but_another_name_does_not()
    {
        var truncated = MrzParser.Parse(
            ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"], new DateOnly(2010, 1, 1));
        var longer = AsPrinted() with { GivenNames = Read("Anna Maria Theresia") };
        var other = AsPrinted() with { GivenNames = Read("Anne Marie") };

        Assert.Equal(MrzVerifier.Agrees, MrzVerifier.Verify(longer, truncated, new DateOnly(2011, 6, 1)).Fields["given_names"]);
        Assert.Equal(MrzVerifier.Disagrees, MrzVerifier.Verify(other, truncated, new DateOnly(2011, 6, 1)).Fields["given_names"]);
    }
}

using KycOcr.Core.Mrz;

namespace KycOcr.Core.Tests.Mrz;

public class MrzSpecimenTests
{
    private static readonly DateOnly _born = new(1974, 8, 12);
    private static readonly DateOnly _expires = new(2012, 4, 15);

    [Fact]
    public void Td3_specimen()
    {
        var reading = MrzParser.Parse(MrzSamples.Td3, MrzSamples.Today);

        AssertCleanAndValid(reading, MrzFormat.TD3, MrzSamples.Td3);
        AssertChecks(reading, "document_number", "birth_date", "expiry_date", "optional_data", "composite");
        var f = reading.Fields!;
        Assert.Equal("P", f.DocumentCode);
        Assert.Equal("UTO", f.IssuingState);
        Assert.Equal("ERIKSSON", f.Surname);
        Assert.Equal("ANNA MARIA", f.GivenNames);
        Assert.Equal("L898902C3", f.DocumentNumber);
        Assert.Equal("UTO", f.Nationality);
        Assert.Equal(_born, f.BirthDate);
        Assert.Equal("F", f.Sex);
        Assert.Equal(_expires, f.ExpiryDate);
        Assert.Equal("ZE184226B", f.OptionalData);
        Assert.Null(f.OptionalData2);
    }

    [Fact]
    public void Td1_specimen()
    {
        var reading = MrzParser.Parse(MrzSamples.Td1, MrzSamples.Today);

        AssertCleanAndValid(reading, MrzFormat.TD1, MrzSamples.Td1);
        AssertChecks(reading, "document_number", "birth_date", "expiry_date", "composite");
        var f = reading.Fields!;
        Assert.Equal("I", f.DocumentCode);
        Assert.Equal("UTO", f.IssuingState);
        Assert.Equal("ERIKSSON", f.Surname);
        Assert.Equal("ANNA MARIA", f.GivenNames);
        Assert.Equal("D23145890", f.DocumentNumber);
        Assert.Equal("UTO", f.Nationality);
        Assert.Equal(_born, f.BirthDate);
        Assert.Equal("F", f.Sex);
        Assert.Equal(_expires, f.ExpiryDate);
        Assert.Equal("", f.OptionalData);
        Assert.Equal("", f.OptionalData2);
    }

    [Fact]
    public void Td2_specimen()
    {
        var reading = MrzParser.Parse(MrzSamples.Td2, MrzSamples.Today);

        AssertCleanAndValid(reading, MrzFormat.TD2, MrzSamples.Td2);
        AssertChecks(reading, "document_number", "birth_date", "expiry_date", "composite");
        var f = reading.Fields!;
        Assert.Equal("I", f.DocumentCode);
        Assert.Equal("UTO", f.IssuingState);
        Assert.Equal("ERIKSSON", f.Surname);
        Assert.Equal("ANNA MARIA", f.GivenNames);
        Assert.Equal("D23145890", f.DocumentNumber);
        Assert.Equal("UTO", f.Nationality);
        Assert.Equal(_born, f.BirthDate);
        Assert.Equal("F", f.Sex);
        Assert.Equal(_expires, f.ExpiryDate);
        Assert.Equal("", f.OptionalData);
        Assert.Null(f.OptionalData2);
    }

    [Fact]
    public void Mrva_specimen()
    {
        var reading = MrzParser.Parse(MrzSamples.Mrva, MrzSamples.Today);

        AssertCleanAndValid(reading, MrzFormat.MRVA, MrzSamples.Mrva);
        AssertChecks(reading, "document_number", "birth_date", "expiry_date");
        var f = reading.Fields!;
        Assert.Equal("V", f.DocumentCode);
        Assert.Equal("UTO", f.IssuingState);
        Assert.Equal("ERIKSSON", f.Surname);
        Assert.Equal("ANNA MARIA", f.GivenNames);
        Assert.Equal("L8988901C", f.DocumentNumber);
        Assert.Equal("XXX", f.Nationality);
        Assert.Equal(new DateOnly(1940, 9, 7), f.BirthDate);
        Assert.Equal("F", f.Sex);
        Assert.Equal(new DateOnly(1996, 12, 10), f.ExpiryDate);
        Assert.Equal("6ZE184226B", f.OptionalData);
        Assert.Null(f.OptionalData2);
    }

    [Fact]
    public void Mrvb_specimen()
    {
        var reading = MrzParser.Parse(MrzSamples.Mrvb, MrzSamples.Today);

        AssertCleanAndValid(reading, MrzFormat.MRVB, MrzSamples.Mrvb);
        AssertChecks(reading, "document_number", "birth_date", "expiry_date");
        var f = reading.Fields!;
        Assert.Equal("V", f.DocumentCode);
        Assert.Equal("UTO", f.IssuingState);
        Assert.Equal("ERIKSSON", f.Surname);
        Assert.Equal("ANNA MARIA", f.GivenNames);
        Assert.Equal("L8988901C", f.DocumentNumber);
        Assert.Equal("XXX", f.Nationality);
        Assert.Equal(new DateOnly(1940, 9, 7), f.BirthDate);
        Assert.Equal("F", f.Sex);
        Assert.Equal(new DateOnly(1996, 12, 10), f.ExpiryDate);
        Assert.Equal("", f.OptionalData);
        Assert.Null(f.OptionalData2);
    }

    [Fact]
    public void Specimen_as_one_string_with_crlf_lower_case_and_stray_spaces()
    {
        var text = "\r\n p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<<<\r\nL898902C36UTO 7408122F1204159ZE184226B<<<<<10\r\n";

        var reading = MrzParser.Parse(text, MrzSamples.Today);

        AssertCleanAndValid(reading, MrzFormat.TD3, MrzSamples.Td3);
    }

    private static void AssertCleanAndValid(MrzReading reading, MrzFormat format, string[] lines)
    {
        Assert.True(reading.Found);
        Assert.Equal(format, reading.Format);
        Assert.Equal(lines, reading.Lines);
        Assert.Empty(reading.Errors);
        Assert.Empty(reading.Corrections);
        Assert.True(reading.Valid);
    }

    private static void AssertChecks(MrzReading reading, params string[] names)
    {
        Assert.Equal(names, reading.Checks.Keys);
        Assert.All(reading.Checks, c => Assert.True(c.Value, c.Key));
    }
}

using KycOcr.Core.Barcodes;

namespace KycOcr.Core.Tests.Barcodes;

/// <summary>AAMVA barcode content as issuers write it (invented holders), parsed into the service's fields.</summary>
public sealed class AamvaParserTests
{
    private const string Header = "@\n\u001e\rANSI ";

    private static string Barcode(string iin, string version, string subfile, params string[] elements)
    {
        var body = subfile + string.Join("\n", elements) + "\r";
        var header = Header + iin + version + (version == "01" ? "" : "00") + "01";
        return header + subfile + (header.Length + 10).ToString("D4", System.Globalization.CultureInfo.InvariantCulture)
            + body.Length.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + body;
    }

    [Fact]
    public void A_US_licence_gives_every_field_with_its_dates_month_first_and_the_state_from_the_issuer()
    {
        var reading = AamvaParser.Parse(Barcode("636014", "10", "DL", "DAQD1234567", "DCSMARLOW", "DACJUNE", "DADANN,ROSE", "DBB07041985", "DBC2",
            "DBA07042031", "DBD07052023", "DAG12 OAK ST", "DAIFRESNO", "DAJCA", "DAK937210000  ", "DCGUSA"));

        Assert.NotNull(reading);
        Assert.Equal(("driving_licence", "USA", "CA", 10), (reading.DocumentType, reading.IssuingCountry, reading.IssuingRegion, reading.Version));
        var f = reading.Fields;
        Assert.Equal(("MARLOW", "JUNE ANN ROSE", "D1234567"), (f.Surname!.Value, f.GivenNames!.Value, f.DocumentNumber!.Value));
        Assert.Equal(("1985-07-04", "07041985"), (f.DateOfBirth!.Value, f.DateOfBirth.Raw));
        Assert.Equal(("2031-07-04", "2023-07-05", "F"), (f.DateOfExpiry!.Value, f.DateOfIssue!.Value, f.Sex!.Value));
        Assert.Equal("12 OAK ST, FRESNO, CA 93721", f.Address!.Value);
        Assert.All(new[] { f.Surname, f.GivenNames, f.DocumentNumber, f.DateOfBirth, f.Sex, f.Address }, v => Assert.Equal("barcode", v.Source));
        Assert.Null(f.Nationality);
    }

    [Fact]
    public void A_Canadian_card_writes_its_dates_year_first_and_an_ID_subfile_is_an_id_card()
    {
        var reading = AamvaParser.Parse(Barcode("636012", "08", "ID", "DAQT5551234", "DCSOKAFOR", "DACBEN", "DADNONE", "DBB19900131", "DBC1", "DBA20300131",
            "DAKM5V2T6    ", "DAJON", "DCGCAN"));

        Assert.NotNull(reading);
        Assert.Equal(("id_card", "CAN", "ON"), (reading.DocumentType, reading.IssuingCountry, reading.IssuingRegion));
        Assert.Equal(("BEN", "1990-01-31", "M"), (reading.Fields.GivenNames!.Value, reading.Fields.DateOfBirth!.Value, reading.Fields.Sex!.Value));
        Assert.Equal("ON M5V2T6", reading.Fields.Address!.Value);
    }

    [Fact]
    public void The_2000_standard_full_name_and_year_first_dates_are_read()
    {
        var reading = AamvaParser.Parse(Barcode("636000", "01", "DL", "DAAPRICE,ANNA,MARIE", "DAQ123456789", "DBB19701224", "DBA20250101", "DAJVA"));

        Assert.NotNull(reading);
        Assert.Equal(("PRICE", "ANNA MARIE", "1970-12-24", "VA"),
            (reading.Fields.Surname!.Value, reading.Fields.GivenNames!.Value, reading.Fields.DateOfBirth!.Value, reading.IssuingRegion));
    }

    [Fact]
    public void A_date_that_is_no_date_is_left_out_and_an_unknown_issuer_takes_the_address_state()
    {
        var reading = AamvaParser.Parse(Barcode("999999", "10", "DL", "DAQX1", "DCSDOE", "DBB13451990", "DAJNV", "DCGUSA"));

        Assert.NotNull(reading);
        Assert.Null(reading.Fields.DateOfBirth);
        Assert.Equal("NV", reading.IssuingRegion);
    }

    [Theory]
    [InlineData("")]
    [InlineData("HELLO WORLD, NOT A LICENCE")]
    [InlineData("@\n\u001e\rANSI 63601410")]
    [InlineData("@\n\u001e\rANSI 636014100001ZZ00310010ZZDAQ1\r")]
    public void Content_that_is_not_an_AAMVA_licence_gives_nothing(string text) => Assert.Null(AamvaParser.Parse(text));
}

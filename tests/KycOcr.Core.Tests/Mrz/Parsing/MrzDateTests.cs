using KycOcr.Core.Mrz;
using KycOcr.Core.Mrz.Parsing;

namespace KycOcr.Core.Tests.Mrz.Parsing;

public class MrzDateTests
{
    [Fact]
    public void Month_13_is_an_unreadable_field_not_an_exception()
    {
        var reading = MrzParser.Parse(
            MrzSamples.Td3With("L898902C36UTO7413128F1204159ZE184226B<<<<<10"), MrzSamples.Today);

        Assert.True(reading.Checks["birth_date"]);
        Assert.Null(reading.Fields!.BirthDate);
        // The check digits hold, so the rest of the zone stands; only the date is not read.
        Assert.True(reading.Valid);
        Assert.Contains("birth_date: '741312' is not a calendar date", reading.Warnings);
    }

    [Fact]
    public void February_30_is_an_unreadable_field()
    {
        var reading = MrzParser.Parse(
            MrzSamples.Td3With("L898902C36UTO7408122F1202306ZE184226B<<<<<14"), MrzSamples.Today);

        Assert.All(reading.Checks, c => Assert.True(c.Value, c.Key));
        Assert.Null(reading.Fields!.ExpiryDate);
        Assert.Equal(new DateOnly(1974, 8, 12), reading.Fields.BirthDate);
        Assert.Contains(reading.Warnings, e => e.StartsWith("expiry_date:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2025, 6, 1, 1925)] // 15 July 2025 is still ahead: last century
    [InlineData(2025, 7, 15, 2025)] // born today
    [InlineData(2025, 8, 1, 2025)]
    public void Birth_date_century_is_the_latest_not_after_today(int year, int month, int day, int expectedYear)
    {
        var reading = MrzParser.Parse(
            MrzSamples.Td3With("L898902C36UTO2507156F3507142ZE184226B<<<<<12"), new DateOnly(year, month, day));

        Assert.True(reading.Valid);
        Assert.Equal(new DateOnly(expectedYear, 7, 15), reading.Fields!.BirthDate);
        Assert.Equal(new DateOnly(2035, 7, 14), reading.Fields.ExpiryDate);
    }

    [Theory]
    [InlineData("L898902C36UTO7408122F4501011ZE184226B<<<<<14", 2045)] // 20 years ahead: still the future
    [InlineData("L898902C36UTO7408122F4601014ZE184226B<<<<<14", 1946)] // 21 ahead is too far: 79 years back
    [InlineData("L898902C36UTO7408122F1204159ZE184226B<<<<<10", 2012)]
    public void Expiry_date_lies_at_most_20_years_ahead_and_79_back(string line2, int expectedYear)
    {
        var reading = MrzParser.Parse(MrzSamples.Td3With(line2), MrzSamples.Today);

        Assert.True(reading.Valid);
        Assert.Equal(expectedYear, reading.Fields!.ExpiryDate!.Value.Year);
    }

    [Theory]
    [InlineData("000229", 2025, 2000, 2, 29)]
    [InlineData("991231", 2000, 1999, 12, 31)]
    [InlineData("000101", 2000, 2000, 1, 1)]
    public void ResolveBirthDate(string yymmdd, int todayYear, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), MrzDates.ResolveBirthDate(yymmdd, new DateOnly(todayYear, 1, 1)));

    [Theory]
    [InlineData("7408I2")]
    [InlineData("74081")]
    [InlineData("740230")]
    [InlineData("740001")]
    [InlineData("740100")]
    public void Unreadable_or_impossible_dates_resolve_to_null(string yymmdd)
    {
        Assert.Null(MrzDates.ResolveBirthDate(yymmdd, MrzSamples.Today));
        Assert.Null(MrzDates.ResolveExpiryDate(yymmdd, MrzSamples.Today));
    }
}

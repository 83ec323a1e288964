using System.Text.Json;
using KycOcr.Core.Mrz;

namespace KycOcr.Core.Tests.Mrz;

public class MrzJsonTests
{
    [Fact]
    public void Td3_reading_serialises_to_the_snake_case_shape()
    {
        using var json = JsonDocument.Parse(MrzParser.Parse(MrzSamples.Td3, MrzSamples.Today).ToJson());
        var root = json.RootElement;

        Assert.Equal(
            ["found", "format", "lines", "valid", "checks", "fields", "corrections", "errors", "warnings"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.True(root.GetProperty("found").GetBoolean());
        Assert.Equal("TD3", root.GetProperty("format").GetString());
        Assert.Equal(MrzSamples.Td3, root.GetProperty("lines").EnumerateArray().Select(l => l.GetString()));
        Assert.True(root.GetProperty("valid").GetBoolean());
        Assert.Equal(
            ["document_number", "birth_date", "expiry_date", "optional_data", "composite"],
            root.GetProperty("checks").EnumerateObject().Select(p => p.Name));
        Assert.All(root.GetProperty("checks").EnumerateObject(), p => Assert.True(p.Value.GetBoolean()));

        var fields = root.GetProperty("fields");
        Assert.Equal(
            [
                "document_code", "issuing_state", "surname", "given_names", "document_number", "nationality",
                "birth_date", "sex", "expiry_date", "optional_data",
            ],
            fields.EnumerateObject().Select(p => p.Name));
        Assert.Equal("P", fields.GetProperty("document_code").GetString());
        Assert.Equal("ANNA MARIA", fields.GetProperty("given_names").GetString());
        Assert.Equal("1974-08-12", fields.GetProperty("birth_date").GetString());
        Assert.Equal("2012-04-15", fields.GetProperty("expiry_date").GetString());
        Assert.Equal("F", fields.GetProperty("sex").GetString());
        Assert.Equal("ZE184226B", fields.GetProperty("optional_data").GetString());
    }

    [Fact]
    public void ToJson_keeps_fillers_readable_and_matches_the_plain_serializer_shape()
    {
        var reading = MrzParser.Parse(MrzSamples.Td3, MrzSamples.Today);

        Assert.Contains(MrzSamples.Td3[1], reading.ToJson(), StringComparison.Ordinal);
        using var plain = JsonDocument.Parse(JsonSerializer.Serialize(reading));
        using var own = JsonDocument.Parse(reading.ToJson());
        Assert.True(JsonElement.DeepEquals(plain.RootElement, own.RootElement));
    }

    [Fact]
    public void Td1_fields_include_the_second_optional_field()
    {
        using var json = JsonDocument.Parse(MrzParser.Parse(MrzSamples.Td1, MrzSamples.Today).ToJson());

        Assert.Equal("", json.RootElement.GetProperty("fields").GetProperty("optional_data_2").GetString());
        Assert.Equal("TD1", json.RootElement.GetProperty("format").GetString());
    }

    [Fact]
    public void Corrections_and_unreadable_dates_serialise()
    {
        var reading = MrzParser.Parse(
            MrzSamples.Td3With("L898902C36UTO7408122F1204159ZE184226B<<<XX10"), MrzSamples.Today);
        var impossible = MrzParser.Parse(
            MrzSamples.Td3With("L898902C36UTO7413128F1204159ZE184226B<<<<<10"), MrzSamples.Today);

        using var json = JsonDocument.Parse(reading.ToJson());
        using var invalid = JsonDocument.Parse(impossible.ToJson());

        var first = json.RootElement.GetProperty("corrections")[0];
        Assert.Equal(2, first.GetProperty("line").GetInt32());
        Assert.Equal(41, first.GetProperty("position").GetInt32());
        Assert.Equal("X", first.GetProperty("from").GetString());
        Assert.Equal("<", first.GetProperty("to").GetString());
        Assert.Equal("optional_data", first.GetProperty("field").GetString());
        Assert.Equal("filler", first.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, invalid.RootElement.GetProperty("fields").GetProperty("birth_date").ValueKind);
        Assert.Equal("birth_date: '741312' is not a calendar date", invalid.RootElement.GetProperty("warnings")[0].GetString());
    }

    [Fact]
    public void Not_found_serialises_without_format_or_fields()
    {
        using var json = JsonDocument.Parse(MrzParser.Parse("hello world", MrzSamples.Today).ToJson());
        var root = json.RootElement;

        Assert.False(root.GetProperty("found").GetBoolean());
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.False(root.TryGetProperty("format", out _));
        Assert.False(root.TryGetProperty("fields", out _));
        Assert.Equal(1, root.GetProperty("errors").GetArrayLength());
    }
}

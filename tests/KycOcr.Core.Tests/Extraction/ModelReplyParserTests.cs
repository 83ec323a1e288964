using System.Text.Json;
using System.Text.Json.Nodes;
using KycOcr.Core.Extraction;
using KycOcr.TestSupport.Model;

namespace KycOcr.Core.Tests.Extraction;

public sealed class ModelReplyParserTests
{
    private static JsonObject Sample() => JsonSerializer.SerializeToNode(SampleDocuments.Passport())!.AsObject();

    [Fact]
    public void A_schema_shaped_reply_becomes_fields_with_their_source()
    {
        var parsed = ModelReplyParser.Parse(Sample().ToJsonString(), "model");

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Problems));
        Assert.Equal(new DocumentInfo("passport", "UTO"), parsed.Document);
        Assert.Equal(new FieldValue("1974-08-12", "12 AUG 1974", "model"), parsed.Fields!.DateOfBirth);
        Assert.Null(parsed.Fields.Address);
    }

    [Fact]
    public void An_unreadable_value_makes_the_field_null_not_half_filled()
    {
        var reply = Sample();
        reply["fields"]!["place_of_birth"] = new JsonObject { ["value"] = null, ["raw"] = "Z#N?TH" };

        var parsed = ModelReplyParser.Parse(reply.ToJsonString(), "model");

        Assert.True(parsed.IsValid);
        Assert.Null(parsed.Fields!.PlaceOfBirth);
    }

    [Theory]
    [InlineData("date_of_birth", "12/08/1974", "YYYY-MM-DD")]
    [InlineData("date_of_expiry", "2012-02-30", "YYYY-MM-DD")]
    [InlineData("sex", "female", "M, F or X")]
    [InlineData("nationality", "Utopia", "ICAO")]
    public void Values_outside_their_rules_are_problems(string field, string value, string expected)
    {
        var reply = Sample();
        reply["fields"]![field] = new JsonObject { ["value"] = value, ["raw"] = value };

        var parsed = ModelReplyParser.Parse(reply.ToJsonString(), "model");

        Assert.False(parsed.IsValid);
        Assert.Contains(parsed.Problems, p => p.Contains(field) && p.Contains(expected));
    }

    [Fact]
    public void Missing_extra_and_malformed_parts_are_problems()
    {
        var reply = Sample();
        reply["fields"]!.AsObject().Remove("surname");
        reply["fields"]!["favourite_colour"] = new JsonObject { ["value"] = "blue", ["raw"] = "blue" };
        reply["document"]!["type"] = "library_card";

        var parsed = ModelReplyParser.Parse(reply.ToJsonString(), "model");

        Assert.Contains(parsed.Problems, p => p.Contains("fields.surname"));
        Assert.Contains(parsed.Problems, p => p.Contains("favourite_colour"));
        Assert.Contains(parsed.Problems, p => p.Contains("document.type"));
        Assert.False(ModelReplyParser.Parse("```json\n{}\n```", "model").IsValid);
        Assert.False(ModelReplyParser.Parse("", "model").IsValid);
    }

    [Fact]
    public void The_schema_is_strict_and_names_every_field()
    {
        var schema = JsonNode.Parse(ExtractionSchema.Json)!;
        var fields = schema["properties"]!["fields"]!;

        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
        Assert.Equal(DocumentFields.Names, fields["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(12, fields["properties"]!.AsObject().Count);
    }
}

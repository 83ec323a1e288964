using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace KycOcr.TestSupport.Http;

/// <summary>The JSON examples of the API's documentation, and whether an answer has their shape.</summary>
public static partial class DocumentedJson
{
    /// <summary>The example 200 body of <c>GET /id</c> in docs/api.md ("The result").</summary>
    public static JsonElement ResultExample()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "api.md"));
        var section = page[page.IndexOf("## The result", StringComparison.Ordinal)..];
        return JsonDocument.Parse(JsonBlock().Match(section).Groups[1].Value).RootElement.Clone();
    }

    /// <summary>
    /// Every object in <paramref name="actual"/> has the documented keys in the documented order, down to the leaves;
    /// where either side is null (a section the example leaves out, a field not read), there is nothing to compare.
    /// </summary>
    public static void AssertSameShape(JsonElement documented, JsonElement actual, string path = "$")
    {
        if (documented.ValueKind == JsonValueKind.Null || actual.ValueKind == JsonValueKind.Null)
            return;
        Assert.True(Kind(documented) == Kind(actual), $"{path}: documented {documented.ValueKind}, answered {actual.ValueKind}");
        if (documented.ValueKind == JsonValueKind.Object)
        {
            Assert.True(documented.EnumerateObject().Select(p => p.Name).SequenceEqual(actual.EnumerateObject().Select(p => p.Name)),
                $"{path}: documented keys {string.Join(", ", documented.EnumerateObject().Select(p => p.Name))}; "
                + $"answered {string.Join(", ", actual.EnumerateObject().Select(p => p.Name))}");
            foreach (var property in documented.EnumerateObject())
                AssertSameShape(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}");
        }
        else if (documented.ValueKind == JsonValueKind.Array && documented.GetArrayLength() > 0 && actual.GetArrayLength() > 0)
        {
            AssertSameShape(documented[0], actual[0], $"{path}[0]");
        }
    }

    private static string Kind(JsonElement value) =>
        value.ValueKind is JsonValueKind.True or JsonValueKind.False ? "Boolean" : value.ValueKind.ToString();

    [GeneratedRegex("```json\\n(.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}

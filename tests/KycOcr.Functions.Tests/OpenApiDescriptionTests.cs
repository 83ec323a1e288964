using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using KycOcr.Core.Http;

namespace KycOcr.Functions.Tests;

/// <summary>The OpenAPI description, the function app's HTTP routes and the .http file name the same operations.</summary>
public sealed partial class OpenApiDescriptionTests
{
    private static readonly string Output = typeof(OpenApiDescriptionTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FunctionsOutput").Value!;

    public static IReadOnlySet<string> DescribedOperations()
    {
        using var document = JsonDocument.Parse(OpenApiHandler.Json);
        return document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();
    }

    [Fact]
    public void Every_http_function_is_described_and_nothing_else()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "functions.metadata")));
        var routes = metadata.RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
            .SelectMany(b => b.GetProperty("methods").EnumerateArray().Select(m => $"{m.GetString()!.ToUpperInvariant()} /{RootOnly().Replace(b.GetProperty("route").GetString()!, "")}"))
            .ToHashSet();

        Assert.Equal(routes.Order(), DescribedOperations().Order());
    }

    [Fact]
    public void The_description_is_openapi_3_and_every_operation_has_responses()
    {
        using var document = JsonDocument.Parse(OpenApiHandler.Json);

        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
                Assert.NotEmpty(operation.Value.GetProperty("responses").EnumerateObject());
        }
    }

    [Fact]
    public void The_http_file_has_a_request_for_every_operation()
    {
        var file = File.ReadAllText(Path.Combine(KycOcr.TestSupport.RepositoryPaths.Root, "src", "KycOcr.Functions", "KycOcr.http"));
        // A request's {{variable}} stands where the description has a {parameter}.
        var requests = RequestLine().Matches(file).Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value.Replace("{{", "{").Replace("}}", "}")}").ToHashSet();

        Assert.Empty(DescribedOperations().Except(requests));
    }

    [GeneratedRegex(@"^(GET|POST|PUT|DELETE|PATCH) \{\{host\}\}(/[^?\s]*)", RegexOptions.Multiline)]
    private static partial Regex RequestLine();

    // The Functions host takes an empty route for none: the root is an optional parameter that must be empty.
    [GeneratedRegex(@"\{[a-z]+:maxlength\(0\)\?\}")]
    private static partial Regex RootOnly();
}

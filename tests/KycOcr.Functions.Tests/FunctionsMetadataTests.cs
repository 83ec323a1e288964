using System.Reflection;
using System.Text.Json;

namespace KycOcr.Functions.Tests;

/// <summary>
/// The Functions host cannot run here, so the wiring it would read is checked where it reads it:
/// the functions.metadata and host.json that the build writes.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly string Output = typeof(FunctionsMetadataTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FunctionsOutput").Value!;

    private static JsonElement Function(string name)
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "functions.metadata")));
        return metadata.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == name).Clone();
    }

    private static JsonElement Trigger(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    [Theory]
    [InlineData("read_text", "read_text", "post")]
    [InlineData("id", "id", "get")]
    [InlineData("erase", "id", "delete")]
    public void Http_functions_are_anonymous_with_their_route_and_method(string name, string route, string method)
    {
        var trigger = Trigger(Function(name));

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString(), ignoreCase: true);
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()));
        var client = Function(name).GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "durableClient");
        Assert.Equal("In", client.GetProperty("direction").GetString());
    }

    [Fact]
    public void Health_is_an_anonymous_get()
    {
        var trigger = Trigger(Function("health"));

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString(), ignoreCase: true);
        Assert.Equal("health", trigger.GetProperty("route").GetString());
    }

    [Theory]
    [InlineData("try_it_page", "{root:maxlength(0)?}")]
    [InlineData("try_it_file", "try-it/{file}")]
    public void The_try_it_page_is_an_anonymous_get_at_the_root_and_its_files_beside_it(string name, string route)
    {
        var trigger = Trigger(Function(name));

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString(), ignoreCase: true);
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal(["get"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()));
    }

    [Fact]
    public void Retention_purge_is_a_timer_with_a_durable_client()
    {
        var function = Function("retention_purge");
        var trigger = Trigger(function);

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("0 * * * * *", trigger.GetProperty("schedule").GetString());
        Assert.Contains(function.GetProperty("bindings").EnumerateArray(), b => b.GetProperty("type").GetString() == "durableClient");
    }

    [Fact]
    public void Inbox_drops_arrive_through_an_event_grid_blob_trigger_with_a_durable_client()
    {
        var function = Function("InboxBlobTrigger");
        var trigger = Trigger(function);

        Assert.Equal("blobTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        Assert.Equal("%INBOX_CONTAINER%/{name}", trigger.GetProperty("path").GetString());
        Assert.Equal("AzureWebJobsStorage", trigger.GetProperty("connection").GetString());
        Assert.Contains(function.GetProperty("bindings").EnumerateArray(), b => b.GetProperty("type").GetString() == "durableClient");
    }

    [Fact]
    public void The_orchestrator_and_its_activities_are_durable_functions()
    {
        Assert.Equal("orchestrationTrigger", Trigger(Function("ReadDocumentOrchestration")).GetProperty("type").GetString());
        foreach (var activity in new[] { "PreprocessActivity", "ExtractActivity", "CleanupActivity", "PublishInboxResultActivity" })
            Assert.Equal("activityTrigger", Trigger(Function(activity)).GetProperty("type").GetString());
    }

    [Fact]
    public void Host_json_removes_the_api_prefix()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "host.json")));

        Assert.Equal("", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void Local_settings_sample_carries_every_setting_of_the_readme_table()
    {
        var root = KycOcr.TestSupport.RepositoryPaths.Root;
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "local.settings.sample.json")));
        var values = sample.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name).ToHashSet();

        var documented = KycOcr.TestSupport.ReadmeConfiguration.SettingNames();

        Assert.NotEmpty(documented);
        Assert.Empty(documented.Except(values));
        Assert.Empty(values.Except(documented));
        Assert.Equal("UseDevelopmentStorage=true", sample.RootElement.GetProperty("Values").GetProperty("AzureWebJobsStorage").GetString());
        Assert.Equal("dotnet-isolated", sample.RootElement.GetProperty("Values").GetProperty("FUNCTIONS_WORKER_RUNTIME").GetString());
    }
}

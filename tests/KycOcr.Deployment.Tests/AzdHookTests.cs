namespace KycOcr.Deployment.Tests;

/// <summary>azd wiring: the postdeploy hook that subscribes the blob webhook to Event Grid.</summary>
public sealed class AzdHookTests
{
    private static string HookPath => Path.Combine(RepoPaths.Root, "infra", "hooks", "postdeploy.sh");

    [Fact]
    public void AzureYamlNamesThePostdeployHook()
    {
        var runs = HookRuns("postdeploy");

        Assert.Contains("./infra/hooks/postdeploy.sh", runs);
    }

    [Fact]
    public void AzureYamlRequiresAnAzdThatDeploysContainersWithoutWipingSettings()
    {
        var lines = File.ReadAllLines(RepoPaths.AzureYaml);
        var section = Array.FindIndex(lines, l => l.TrimEnd() == "requiredVersions:");

        Assert.True(section >= 0, "azure.yaml declares no requiredVersions.");
        var azd = System.Text.RegularExpressions.Regex.Match(lines[section + 1], @"^\s+azd:\s*""?>=\s*(\d+)\.(\d+)\.(\d+)""?\s*$");
        Assert.True(azd.Success, lines[section + 1]);
        var minimum = new Version(int.Parse(azd.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(azd.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(azd.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(minimum >= new Version(1, 29, 0), $"azd {minimum} may wipe app settings on a container deploy (1.27-1.28).");
    }

    [Fact]
    public void HookScriptIsExecutable()
    {
        Assert.True(File.Exists(HookPath), $"{HookPath} is missing.");
        Assert.True((File.GetUnixFileMode(HookPath) & UnixFileMode.UserExecute) != 0, "postdeploy.sh is not executable (chmod +x).");
    }

    [Fact]
    public void HookScriptIsValidShell()
    {
        var result = ProcessRunner.Run("sh", ["-n", HookPath]);

        Assert.True(result.ExitCode == 0, result.Combined);
    }

    [Fact]
    public void HookSubscribesTheBlobWebhookToInboxBlobCreated()
    {
        var script = File.ReadAllText(HookPath);

        Assert.Contains("systemKeys.blobs_extension", script, StringComparison.Ordinal);
        Assert.Contains("/runtime/webhooks/blobs?functionName=", script, StringComparison.Ordinal);
        Assert.Contains("Host.Functions.InboxBlobTrigger", script, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Storage.BlobCreated", script, StringComparison.Ordinal);
        Assert.Contains("/blobServices/default/containers/${INBOX_CONTAINER}/", script, StringComparison.Ordinal);
    }

    [Fact]
    public void HookReadsOnlyValuesMainBicepOutputs()
    {
        // azd hands main.bicep's outputs to hooks as environment variables.
        var outputs = BicepCli.MainTemplate()["outputs"]!.AsObject()
            .Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        string[] used = ["AZURE_RESOURCE_GROUP", "AZURE_FUNCTION_APP_NAME", "FUNCTION_APP_URL", "EVENT_GRID_SYSTEM_TOPIC_NAME", "INBOX_CONTAINER"];

        Assert.All(used, name => Assert.Contains(name, outputs));
        Assert.All(used, name => Assert.Contains("${" + name, File.ReadAllText(HookPath), StringComparison.Ordinal));
    }

    [Fact]
    public void EveryAzCallInTheHookNamesAzdsSubscription()
    {
        // Continuation lines joined: one az command per match.
        var script = File.ReadAllText(HookPath).Replace("\\\n", " ", StringComparison.Ordinal);
        var calls = System.Text.RegularExpressions.Regex.Matches(script, @"(?:^|\$\(|\bif\s+)\s*az\s+[a-z][^\n]*", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Value).ToList();

        Assert.Equal(2, calls.Count);
        Assert.All(calls, call => Assert.Contains("--subscription \"$AZURE_SUBSCRIPTION_ID\"", call, StringComparison.Ordinal));
    }

    [Fact]
    public void WithAStandInAzTheHookPinsTheSubscriptionAndShowsTheLastErrorWhenItGivesUp()
    {
        using var fake = new FakeAz("echo 'ERROR: (AuthorizationFailed) The client has no access to scope /subscriptions/sub-123' >&2; exit 1");

        var result = ProcessRunner.Run("sh", [HookPath], environment: fake.Environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("AuthorizationFailed", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, fake.Calls.Length);
        Assert.All(fake.Calls, call => Assert.Contains("--subscription sub-123", call, StringComparison.Ordinal));
    }

    [Fact]
    public void WithAStandInAzTheHookSubscribesWithTheKeyItReadInAzdsSubscription()
    {
        using var fake = new FakeAz("""case "$1 $2" in "functionapp keys") echo fake-blobs-key ;; esac; exit 0""");

        var result = ProcessRunner.Run("sh", [HookPath], environment: fake.Environment);

        Assert.True(result.ExitCode == 0, result.Combined);
        Assert.Equal(2, fake.Calls.Length);
        Assert.All(fake.Calls, call => Assert.Contains("--subscription sub-123", call, StringComparison.Ordinal));
        Assert.Contains("code=fake-blobs-key", fake.Calls[1], StringComparison.Ordinal);
    }

    /// <summary>A stand-in for the Azure CLI (no Azure account here): an <c>az</c> on PATH that logs its arguments, one call per line, and runs the shell body it is given.</summary>
    private sealed class FakeAz : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("kycocr-fake-az-").FullName;

        public FakeAz(string body)
        {
            var az = Path.Combine(_folder, "az");
            File.WriteAllText(az, $"#!/bin/sh\necho \"$*\" >> '{Log}'\n{body}\n");
            File.SetUnixFileMode(az, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Environment = new Dictionary<string, string>
            {
                ["PATH"] = _folder + ":" + System.Environment.GetEnvironmentVariable("PATH"),
                ["AZURE_SUBSCRIPTION_ID"] = "sub-123",
                ["AZURE_RESOURCE_GROUP"] = "rg-kycocr",
                ["AZURE_FUNCTION_APP_NAME"] = "func-kycocr",
                ["FUNCTION_APP_URL"] = "https://func-kycocr.azurewebsites.net",
                ["EVENT_GRID_SYSTEM_TOPIC_NAME"] = "evgt-kycocr",
                ["INBOX_CONTAINER"] = "inbox",
                ["POSTDEPLOY_ATTEMPTS"] = "2",
                ["POSTDEPLOY_WAIT_SECONDS"] = "0",
            };
        }

        private string Log => Path.Combine(_folder, "calls.log");

        public IReadOnlyDictionary<string, string> Environment { get; }

        public string[] Calls => File.Exists(Log) ? File.ReadAllLines(Log) : [];

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The run: values under hooks: &gt; name: in azure.yaml (indentation-based; azure.yaml
    /// is plain block YAML). A bare "name: ./script" line counts too.</summary>
    private static List<string> HookRuns(string hook)
    {
        var lines = File.ReadAllLines(RepoPaths.AzureYaml)
            .Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'))
            .ToArray();
        var hooks = Array.FindIndex(lines, l => l.TrimEnd() == "hooks:");
        Assert.True(hooks >= 0, "azure.yaml has no top-level hooks: section.");

        var runs = new List<string>();
        int? hookIndent = null;
        foreach (var line in lines.Skip(hooks + 1))
        {
            var indent = line.Length - line.TrimStart().Length;
            if (indent == 0)
                break; // next top-level key
            var text = line.Trim();
            if (hookIndent is null)
            {
                if (text.StartsWith(hook + ":", StringComparison.Ordinal))
                {
                    hookIndent = indent;
                    var inline = text[(hook.Length + 1)..].Trim();
                    if (inline.Length > 0)
                        runs.Add(inline);
                }
                continue;
            }
            if (indent <= hookIndent)
                break; // next hook
            if (text.StartsWith("run:", StringComparison.Ordinal))
                runs.Add(text["run:".Length..].Trim().Trim('"', '\''));
        }
        Assert.True(hookIndent is not null, $"azure.yaml's hooks: section has no {hook}: hook.");
        return runs;
    }
}

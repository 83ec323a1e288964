using System.Text.RegularExpressions;

namespace KycOcr.TestSupport;

/// <summary>The setting names of README.md's configuration table: the single list every other file must match.</summary>
public static partial class ReadmeConfiguration
{
    public const string Heading = "## Configuration";

    public static IReadOnlySet<string> SettingNames()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = Array.IndexOf(lines, Heading);
        if (start < 0)
            throw new InvalidOperationException($"README.md has no '{Heading}' heading.");

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)))
        {
            var match = FirstCell().Match(line);
            if (match.Success)
                names.Add(match.Groups[1].Value);
        }
        return names;
    }

    [GeneratedRegex(@"^\|\s*`([A-Za-z0-9_]+)`\s*\|")]
    private static partial Regex FirstCell();
}

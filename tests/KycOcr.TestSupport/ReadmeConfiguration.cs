using System.Text.RegularExpressions;

namespace KycOcr.TestSupport;

/// <summary>The setting names of README.md's configuration table: the single list every other file must match.</summary>
public static partial class ReadmeConfiguration
{
    public const string Heading = "## Configuration";

    public static IReadOnlySet<string> SettingNames() => Parse(File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md")));

    /// <summary>The names in the first column (in backticks) of the table under the heading, up to the next section.</summary>
    public static IReadOnlySet<string> Parse(IReadOnlyList<string> lines)
    {
        var start = lines.Select((line, index) => (line, index)).FirstOrDefault(x => x.line.TrimEnd() == Heading, (line: "", index: -1)).index;
        if (start < 0)
            throw new InvalidOperationException($"README.md has no '{Heading}' heading: it holds the table of settings.");

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)))
        {
            var match = FirstCell().Match(line);
            if (match.Success)
                names.Add(match.Groups[1].Value);
        }
        if (names.Count == 0)
            throw new InvalidOperationException($"README.md's '{Heading}' section has no table rows with a `NAME` in the first column.");
        return names;
    }

    [GeneratedRegex(@"^\|\s*`([A-Za-z0-9_]+)`\s*\|")]
    private static partial Regex FirstCell();
}

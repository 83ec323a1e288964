namespace KycOcr.Deployment.Tests;

/// <summary>Just enough of a Dockerfile parser for the checks here: logical instructions with
/// continuations joined and comment lines dropped (as Docker does), FROM images, ENV pairs,
/// and the packages of every <c>apt-get install</c>.</summary>
internal sealed class DockerfileModel
{
    public IReadOnlyList<(string Keyword, string Arguments)> Instructions { get; }

    private DockerfileModel(IReadOnlyList<(string, string)> instructions) => Instructions = instructions;

    public static DockerfileModel Load(string path) => Parse(File.ReadAllLines(path));

    public static DockerfileModel Parse(IEnumerable<string> lines)
    {
        var instructions = new List<(string, string)>();
        var current = new List<string>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Count == 0))
                continue;
            var continues = line.EndsWith('\\');
            current.Add(continues ? line[..^1].Trim() : line);
            if (continues)
                continue;
            var joined = string.Join(' ', current.Where(part => part.Length > 0));
            current.Clear();
            var space = joined.IndexOf(' ');
            if (space > 0)
                instructions.Add((joined[..space].ToUpperInvariant(), joined[(space + 1)..].Trim()));
        }
        return new DockerfileModel(instructions);
    }

    /// <summary>Image of each stage, without its "AS name".</summary>
    public IReadOnlyList<string> BaseImages =>
        Instructions.Where(i => i.Keyword == "FROM")
            .Select(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .First(token => !token.StartsWith("--", StringComparison.Ordinal)))
            .ToArray();

    /// <summary>ENV pairs of the last stage (the image that ships).</summary>
    public IReadOnlyDictionary<string, string> FinalStageEnvironment
    {
        get
        {
            var lastFrom = Instructions.Select((instruction, index) => (instruction, index))
                .Last(x => x.instruction.Keyword == "FROM").index;
            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (_, arguments) in Instructions.Skip(lastFrom).Where(i => i.Keyword == "ENV"))
            {
                foreach (var pair in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var equals = pair.IndexOf('=');
                    Assert.True(equals > 0, $"Use the ENV key=value form: '{arguments}'.");
                    environment[pair[..equals]] = pair[(equals + 1)..].Trim('"');
                }
            }
            return environment;
        }
    }

    /// <summary>Packages named by every apt-get install in RUN instructions; options skipped.</summary>
    public IReadOnlySet<string> AptInstalledPackages
    {
        get
        {
            var packages = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (_, arguments) in Instructions.Where(i => i.Keyword == "RUN"))
            {
                foreach (var command in arguments.Split(["&&", ";", "||"], StringSplitOptions.TrimEntries))
                {
                    var tokens = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    var install = Array.IndexOf(tokens, "install");
                    if (install < 1 || !tokens[..install].Any(t => t is "apt-get" or "apt"))
                        continue;
                    foreach (var token in tokens[(install + 1)..].Where(t => !t.StartsWith('-')))
                        packages.Add(token.Split('=')[0]);
                }
            }
            return packages;
        }
    }
}

using System.Text.RegularExpressions;

namespace KycOcr.Deployment.Tests;

/// <summary>Questions to dpkg on this Debian 12 machine, the same release as the base image.</summary>
internal static partial class DebianPackages
{
    /// <summary>The package that ships each file (null if none), from one <c>dpkg -S</c> call.
    /// Tries the /lib and /usr/lib spellings (merged /usr registers a file under only one of
    /// them) and the symlink's target.</summary>
    public static IReadOnlyDictionary<string, string?> Owners(IReadOnlyCollection<string> paths)
    {
        var spellings = paths.ToDictionary(p => p, p => Spellings(p).ToArray());
        var all = spellings.Values.SelectMany(s => s).Distinct().ToArray();
        // Exit code 1 only means some spellings matched nothing; the others are still listed.
        var result = ProcessRunner.Run("dpkg", ["-S", .. all]);
        Assert.True(result.ExitCode is 0 or 1, $"dpkg -S failed:\n{result.StandardError}");

        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // "libfoo1:amd64: /usr/lib/x86_64-linux-gnu/libfoo.so.1"; skip "diversion by" lines.
            var separator = line.IndexOf(": /", StringComparison.Ordinal);
            if (line.StartsWith("diversion ", StringComparison.Ordinal) || separator < 0)
                continue;
            var package = line[..separator].Split(", ")[0].Split(':')[0];
            owner.TryAdd(line[(separator + 2)..], package);
        }
        return spellings.ToDictionary(
            entry => entry.Key,
            entry => entry.Value.Select(s => owner.GetValueOrDefault(s)).FirstOrDefault(p => p is not null));
    }

    /// <summary>Files an installed package ships (dpkg -L), or null when it is not installed.</summary>
    public static IReadOnlyList<string>? Files(string package)
    {
        var result = ProcessRunner.Run("dpkg", ["-L", package]);
        return result.ExitCode == 0
            ? result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            : null;
    }

    /// <summary>Installed packages that every Debian image has: the Essential ones and
    /// everything they (pre-)depend on, following the first alternative of each dependency.</summary>
    public static IReadOnlySet<string> EssentialClosure()
    {
        var query = ProcessRunner.Run("dpkg-query",
            ["-W", "-f=${Package}\t${Essential}\t${Pre-Depends}\t${Depends}\t${db:Status-Status}\n"]);
        Assert.Equal(0, query.ExitCode);

        var dependencies = new Dictionary<string, string[]>();
        var closure = new HashSet<string>();
        foreach (var fields in query.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')))
        {
            if (fields[4] != "installed")
                continue;
            dependencies[fields[0]] = ParseDependencies(fields[2] + "," + fields[3]);
            if (fields[1] == "yes")
                closure.Add(fields[0]);
        }

        var pending = new Stack<string>(closure);
        while (pending.TryPop(out var package))
        {
            foreach (var dependency in dependencies.GetValueOrDefault(package, []))
            {
                if (dependencies.ContainsKey(dependency) && closure.Add(dependency))
                    pending.Push(dependency);
            }
        }
        return closure;
    }

    private static string[] ParseDependencies(string field) =>
        field.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(clause => PackageName().Match(clause.Split('|')[0].Trim()).Value)
            .Where(name => name.Length > 0)
            .ToArray();

    private static IEnumerable<string> Spellings(string path)
    {
        var full = Path.GetFullPath(path);
        var target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        foreach (var p in new[] { full, target }.Distinct())
        {
            yield return p;
            yield return p.StartsWith("/usr/", StringComparison.Ordinal) ? p["/usr".Length..] : "/usr" + p;
        }
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9+.\-]*")]
    private static partial Regex PackageName();
}

namespace KycOcr.Deployment.Tests;

/// <summary>The shared libraries a binary loads, as the dynamic loader resolves them (ldd).</summary>
internal static class Ldd
{
    internal sealed record Dependency(string Name, string? Path);

    public static IReadOnlyList<Dependency> Resolve(string binary)
    {
        Assert.True(File.Exists(binary), $"{binary} not found; restore the test project.");
        var result = ProcessRunner.Run("ldd", [binary]);
        Assert.True(result.ExitCode == 0, $"ldd {binary} failed:\n{result.Combined}");

        var dependencies = new List<Dependency>();
        foreach (var raw in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var line = raw.Trim();
            if (line.StartsWith("linux-vdso", StringComparison.Ordinal))
                continue; // provided by the kernel, not a file
            var arrow = line.IndexOf(" => ", StringComparison.Ordinal);
            if (arrow < 0)
            {
                // The loader itself: "/lib64/ld-linux-x86-64.so.2 (0x...)".
                var path = line.Split(' ')[0];
                dependencies.Add(new Dependency(System.IO.Path.GetFileName(path), path));
                continue;
            }
            var name = line[..arrow];
            var rest = line[(arrow + 4)..];
            dependencies.Add(rest.StartsWith("not found", StringComparison.Ordinal)
                ? new Dependency(name, null)
                : new Dependency(name, rest.Split(' ')[0]));
        }
        return dependencies;
    }
}

namespace KycOcr.TestSupport;

/// <summary>Finds files of the repository from wherever a test or tool runs.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KycOcr.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"KycOcr.sln not found above {AppContext.BaseDirectory}.");
    }
}

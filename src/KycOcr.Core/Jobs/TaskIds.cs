namespace KycOcr.Core.Jobs;

/// <summary>Task ids are UUIDs, as the original service's were; anything else is malformed.</summary>
public static class TaskIds
{
    public static string New() => Guid.NewGuid().ToString("D");

    public static bool IsWellFormed(string? value) =>
        value is { Length: 36 } && Guid.TryParseExact(value, "D", out _);
}

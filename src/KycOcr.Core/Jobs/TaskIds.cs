using System.Security.Cryptography;
using System.Text;

namespace KycOcr.Core.Jobs;

/// <summary>Task ids are UUIDs, as the original service's were; anything else is malformed.</summary>
public static class TaskIds
{
    public static string New() => Guid.NewGuid().ToString("D");

    public static bool IsWellFormed(string? value) =>
        value is { Length: 36 } && Guid.TryParseExact(value, "D", out _);

    /// <summary>
    /// The same id for the same inputs, so a repeated request finds the job the first one started:
    /// the first 16 bytes of SHA-256 over the parts, as an RFC 9562 version 8 (custom) UUID.
    /// </summary>
    public static string Derived(params string[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}

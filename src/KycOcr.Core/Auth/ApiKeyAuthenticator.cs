using System.Security.Cryptography;
using System.Text;
using KycOcr.Core.Configuration;
using Microsoft.Extensions.Options;

namespace KycOcr.Core.Auth;

/// <summary>
/// Checks the <c>X-API-Key</c> header against the configured keys in constant time and names the
/// caller by a digest of its key, so task ownership can be stored without storing the key.
/// </summary>
public sealed class ApiKeyAuthenticator
{
    public const string HeaderName = "X-API-Key";

    private readonly byte[][] _keyDigests;

    public ApiKeyAuthenticator(IOptions<ApiOptions> options)
    {
        _keyDigests = options.Value.AllKeys().Select(Digest).ToArray();
    }

    public bool HasKeys => _keyDigests.Length > 0;

    /// <summary>The caller's owner id when the key is one of ours, else null.</summary>
    public string? Authenticate(string? presentedKey)
    {
        if (string.IsNullOrEmpty(presentedKey))
            return null;

        // Digests have a fixed length, so the comparison time says nothing about the key's length
        // either; every configured key is compared so the position of a match does not show.
        var presented = Digest(presentedKey);
        var match = false;
        foreach (var digest in _keyDigests)
            match |= CryptographicOperations.FixedTimeEquals(presented, digest);

        return match ? OwnerId(presented) : null;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    // Half the digest is plenty to tell keys apart and keeps stored owner ids short.
    private static string OwnerId(byte[] digest) => "key:" + Convert.ToHexStringLower(digest.AsSpan(0, 16));
}

namespace KycOcr.Samples;

/// <summary>
/// Independent deterministic random streams per concern, so that e.g. turning on a blur
/// does not move the document or change the holder's data for the same seed.
/// </summary>
internal static class SeedStreams
{
    public static Random Create(int seed, string stream) => new((int)(Mix(seed, stream) & 0x7FFF_FFFF));

    /// <summary>Non-zero 64-bit state, e.g. for OpenCV's RNG.</summary>
    public static ulong State(int seed, string stream) => Mix(seed, stream) | 1UL;

    private static ulong Mix(int seed, string stream)
    {
        // FNV-1a of the stream name: string.GetHashCode is randomised per process.
        ulong hash = 14695981039346656037UL;
        foreach (char c in stream)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        // SplitMix64 finaliser spreads neighbouring seeds apart.
        ulong z = hash + 0x9E3779B97F4A7C15UL * (ulong)(uint)seed;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static double Uniform(this Random rng, double min, double max) => min + (max - min) * rng.NextDouble();

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];
}

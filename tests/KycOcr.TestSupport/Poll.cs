namespace KycOcr.TestSupport;

/// <summary>Waits for something to become true by looking again and again, and fails at a deadline: no test waits forever.</summary>
public static class Poll
{
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>The first value of <paramref name="probe"/> that is <paramref name="done"/>; a <see cref="TimeoutException"/> naming <paramref name="waitingFor"/> after <paramref name="timeout"/>.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string waitingFor, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
                return value;
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0.#} s for {waitingFor}; the last look saw {value}.");
            await Task.Delay(interval ?? DefaultInterval);
        }
    }

    /// <summary>Returns once <paramref name="condition"/> holds; a <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string waitingFor) =>
        UntilAsync(() => Task.FromResult(condition()), holds => holds, timeout, waitingFor);
}

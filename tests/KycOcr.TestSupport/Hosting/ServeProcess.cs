using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KycOcr.TestSupport.Hosting;

/// <summary>
/// <c>kycocr serve</c> as a separate process, so a test can kill it the hard way (SIGKILL) and start it again,
/// and a load run can measure it apart from the load. Callers reference the Cli project, so kycocr.dll is beside them.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _log;

    private ServeProcess(Process process, Uri address, Queue<string> log)
    {
        _process = process;
        Address = address;
        _log = log;
    }

    public Uri Address { get; }

    /// <summary>Lines of the service's log kept for a failure's report (the log carries no field values or images).</summary>
    private const int KeptLogLines = 200;

    /// <summary>The service's last log lines (stdout and stderr), for the report of an answer no test expected.</summary>
    public IReadOnlyList<string> RecentLog()
    {
        lock (_log)
            return [.. _log];
    }

    public int ProcessId => _process.Id;

    /// <summary>Resident memory now and at its peak, in bytes (Linux /proc).</summary>
    public (long Current, long Peak) Memory()
    {
        long Read(string field) => File.ReadLines($"/proc/{_process.Id}/status")
            .Where(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024)
            .Single();
        return (Read("VmRSS"), Read("VmHWM"));
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<ServeProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, int port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kycocr.dll"));
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (name, value) in settings)
            start.Environment[name] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new Queue<string>();
        void Keep(string? line)
        {
            if (line is null)
                return;
            lock (log)
            {
                log.Enqueue(line);
                if (log.Count > KeptLogLines)
                    log.Dequeue();
            }
        }
        process.OutputDataReceived += (_, line) =>
        {
            Keep(line.Data);
            if (line.Data?.StartsWith("KycOcr is listening", StringComparison.Ordinal) == true)
                listening.TrySetResult();
        };
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var started = await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (started != listening.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"kycocr serve did not start (exited: {process.HasExited}).");
        }
        return new ServeProcess(process, new Uri($"http://127.0.0.1:{port}"), log);
    }

    /// <summary>SIGKILL: no shutdown code runs, as when a machine loses power.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            await KillAsync();
        _process.Dispose();
    }
}

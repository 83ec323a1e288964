using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KycOcr.TestSupport.Storage;

/// <summary>
/// A real Azurite (the Blob/Queue/Table emulator) on free loopback ports, started from the repository's
/// node_modules and stopped by process id. It can be stopped and started again on the same ports and
/// data folder, to test what the service does while storage is down.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    // The emulator's published development account; not a secret.
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _dataFolder = Directory.CreateTempSubdirectory("kycocr-azurite-").FullName;
    private readonly int _blobPort;
    private readonly int _queuePort;
    private readonly int _tablePort;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _errors = new();
    private Process? _process;

    private Azurite()
    {
        // Three distinct ports: a port just released may be handed out again at once.
        var ports = new HashSet<int>();
        while (ports.Count < 3)
            ports.Add(FreePort());
        (_blobPort, _queuePort, _tablePort) = (ports.ElementAt(0), ports.ElementAt(1), ports.ElementAt(2));
    }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};" +
        $"BlobEndpoint=http://127.0.0.1:{_blobPort}/{Account};" +
        $"QueueEndpoint=http://127.0.0.1:{_queuePort}/{Account};" +
        $"TableEndpoint=http://127.0.0.1:{_tablePort}/{Account};";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The emulator's process id while it runs (for measurements such as its CPU time).</summary>
    public int? ProcessId => IsRunning ? _process!.Id : null;

    public static async Task<Azurite> StartNewAsync()
    {
        // The ports are free when picked, not when Azurite binds them: another process (tests run side by side) may
        // take one meanwhile. Then Azurite exits at once, and a fresh set of ports is tried.
        for (var attempt = 1; ; attempt++)
        {
            var azurite = new Azurite();
            try
            {
                await azurite.StartAsync();
                return azurite;
            }
            catch (AzuriteExitedException) when (attempt < 3)
            {
                await azurite.DisposeAsync();
            }
        }
    }

    public async Task StartAsync()
    {
        var executable = Path.Combine(RepositoryPaths.Root, "node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
            throw new InvalidOperationException($"Azurite is not installed at {executable}: run scripts/bootstrap.sh (npm ci) first.");

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
            "--location", _dataFolder,
            "--blobHost", "127.0.0.1", "--blobPort", _blobPort.ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", _queuePort.ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", _tablePort.ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { Length: > 0 } text && _errors.Count < 20)
                _errors.Enqueue(text);
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        foreach (var port in new[] { _blobPort, _queuePort, _tablePort })
        {
            while (!await AcceptsAsync(port))
            {
                if (_process.HasExited)
                    throw new AzuriteExitedException($"Azurite exited with code {_process.ExitCode} while starting: {string.Join(" | ", _errors)}");
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"Azurite did not listen on port {port} within 30 s.");
                await Task.Delay(100);
            }
        }
    }

    public async Task StopAsync()
    {
        if (_process is null)
            return;
        if (!_process.HasExited)
        {
            // SIGTERM first: Azurite then saves its tables to disk, as real storage would keep them.
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
                await term.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Azurite stopped before it listened (a port taken meanwhile, most often).</summary>
public sealed class AzuriteExitedException(string message) : InvalidOperationException(message);

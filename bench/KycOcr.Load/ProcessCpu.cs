using System.Diagnostics;

namespace KycOcr.Load;

/// <summary>
/// CPU time used by the processes of a run (service, Azurite, this program's clients and model server) over
/// the measured window, so a report can say where the machine's cores went per job.
/// </summary>
public sealed class ProcessCpu
{
    private readonly IReadOnlyDictionary<string, int> _processes;
    private readonly Dictionary<string, TimeSpan> _start;

    private ProcessCpu(IReadOnlyDictionary<string, int> processes)
    {
        _processes = processes;
        _start = processes.ToDictionary(p => p.Key, p => Used(p.Value));
    }

    /// <summary>Starts counting now for each named process id.</summary>
    public static ProcessCpu Start(IReadOnlyDictionary<string, int> processes) => new(processes);

    /// <summary>CPU milliseconds each process used since <see cref="Start"/>, divided by <paramref name="jobs"/>.</summary>
    public IReadOnlyDictionary<string, double> PerJobMs(int jobs) =>
        _processes.ToDictionary(p => p.Key, p => (Used(p.Value) - _start[p.Key]).TotalMilliseconds / Math.Max(1, jobs));

    private static TimeSpan Used(int processId)
    {
        using var process = Process.GetProcessById(processId);
        return process.TotalProcessorTime;
    }
}

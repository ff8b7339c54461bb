using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Workflows.Crash;

/// <summary>
/// One real worker: the crash host (tests/PenguinMails.Workflows.CrashHost, built with this project) as its own
/// <c>dotnet</c> process on the hub, with short lease and visibility times so a dead worker's work moves within seconds.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private WorkerProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public IReadOnlyCollection<string> Lines => _lines;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the worker <paramref name="name"/>, killing itself at <paramref name="crashAt"/> (see CrashPoint), and waits until it polls.</summary>
    public static async Task<WorkerProcess> StartAsync(CrashTestHub hub, string name, string? crashAt = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PenguinMails.Workflows.CrashHost.dll"));
        foreach (var (key, value) in hub.WorkerSettings)
        {
            start.Environment[key] = value;
        }
        start.Environment["CrashTest__Worker"] = name;
        start.Environment["CrashTest__CrashAt"] = crashAt ?? "";
        var worker = new WorkerProcess(Process.Start(start)!, name);
        worker._process.OutputDataReceived += (_, e) => worker.Keep(e.Data);
        worker._process.ErrorDataReceived += (_, e) => worker.Keep(e.Data is null ? null : "stderr: " + e.Data);
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        await Eventually.TrueAsync(() => Task.FromResult(worker.Lines.Contains($"ready {name}") || worker.HasExited), TimeSpan.FromSeconds(60),
            $"Worker {name} did not start.");
        Assert.False(worker.HasExited, $"Worker {name} exited at start:\n{worker.Output}");
        return worker;
    }

    public string Output => string.Join('\n', _lines);

    /// <summary>The worker id DTFx writes on the partitions this process holds (DurableTaskHub: machine and process id).</summary>
    public string WorkerId => $"{Environment.MachineName}-{_process.Id}";

    /// <summary>When this worker ran an episode of the instance (the orchestrator logs one line per episode, with the machine's clock).</summary>
    public List<TimeOnly> EpisodesOf(string instanceId) =>
        _lines.Where(l => l.StartsWith($"episode {instanceId} {Name} ", StringComparison.Ordinal))
            .Select(l => TimeOnly.ParseExact(l[(l.LastIndexOf(' ') + 1)..], "HH:mm:ss.fff", CultureInfo.InvariantCulture)).ToList();

    /// <summary>Waits for the process to die by itself (a crash point) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"Worker {Name} did not reach its crash point:\n{Output}");
        }
        return _process.ExitCode;
    }

    /// <summary>SIGKILL, as a machine that loses power: no shutdown, nothing released.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PenguinMails.Functions.Tests.Infrastructure;

/// <summary>
/// A private Azurite process (node_modules/.bin/azurite, installed by `npm ci` in the repository root) on free
/// ports, for tests that must stop and restart storage. It keeps its data in a temporary folder, so a restart
/// brings back the same tables and sessions, as a real storage outage would.
/// </summary>
public sealed class OwnAzurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string _executable;
    private readonly string _location = Directory.CreateTempSubdirectory("pm-azurite-").FullName;
    private readonly int[] _ports = [FreePort(), FreePort(), FreePort()];
    private Process? _process;

    private OwnAzurite(string executable) => _executable = executable;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{_ports[0]}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_ports[1]}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{_ports[2]}/devstoreaccount1;";

    public static async Task<OwnAzurite> StartAsync()
    {
        var azurite = new OwnAzurite(FindExecutable());
        await azurite.RestartAsync();
        return azurite;
    }

    /// <summary>Starts it (again) on the same ports and waits until all three services accept connections.</summary>
    public async Task RestartAsync()
    {
        var start = new ProcessStartInfo(_executable)
        {
            ArgumentList =
            {
                "--silent", "--skipApiVersionCheck", "--loose", "--location", _location,
                "--blobHost", "127.0.0.1", "--blobPort", _ports[0].ToString(), "--queueHost", "127.0.0.1", "--queuePort", _ports[1].ToString(),
                "--tableHost", "127.0.0.1", "--tablePort", _ports[2].ToString(),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!_ports.All(Listening))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Azurite did not listen on {string.Join(", ", _ports)} (exited: {_process.HasExited}).");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Stops it the way an operator would (SIGTERM, so it saves its data), then waits until it is gone.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        while (_ports.Any(Listening))
        {
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        Directory.Delete(_location, recursive: true);
    }

    private static string FindExecutable()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", "azurite");
            if (File.Exists(Path.Combine(dir.FullName, "package.json")) && File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("node_modules/.bin/azurite not found: run `npm ci` in the repository root (./dev.sh test does).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

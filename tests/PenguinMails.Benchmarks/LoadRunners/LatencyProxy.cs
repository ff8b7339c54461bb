using System.Net;
using System.Net.Sockets;

namespace PenguinMails.Benchmarks.LoadRunners;

/// <summary>
/// A loopback TCP forwarder that holds every chunk for a fixed delay in each direction, so a run on Azurite pays a
/// network round trip as it would against Azure Storage, and what limits it is waiting, not the emulator's CPU.
/// Order within a connection is kept: each direction forwards its chunks one after another.
/// </summary>
public sealed class LatencyProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly IPEndPoint _target;
    private readonly TimeSpan _delay;
    private readonly Task _accepting;

    public LatencyProxy(IPEndPoint target, TimeSpan delayEachWay)
    {
        _target = target;
        _delay = delayEachWay;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The connection string with its table endpoint sent through a proxy (the caller disposes it).</summary>
    public static (string ConnectionString, LatencyProxy Proxy) ForTables(string connectionString, TimeSpan delayEachWay)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var endpoint = new Uri(parts.TryGetValue("TableEndpoint", out var e) ? e : "http://127.0.0.1:10002/devstoreaccount1");
        var proxy = new LatencyProxy(new IPEndPoint(IPAddress.Loopback, endpoint.Port), delayEachWay);
        parts["TableEndpoint"] = new UriBuilder(endpoint) { Port = proxy.Port }.Uri.ToString().TrimEnd('/');
        if (!parts.ContainsKey("AccountName"))
        {
            throw new InvalidOperationException("The latency proxy needs a full connection string (PENGUINMAILS_TEST_STORAGE), not UseDevelopmentStorage.");
        }
        return (string.Join(';', parts.Select(p => $"{p.Key}={p.Value}")) + ";", proxy);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                client.NoDelay = upstream.NoDelay = true;
                await upstream.ConnectAsync(_target, _stop.Token);
                await Task.WhenAny(PumpAsync(client.GetStream(), upstream.GetStream()), PumpAsync(upstream.GetStream(), client.GetStream()));
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
            }
            catch (IOException)
            {
            }
            catch (SocketException)
            {
            }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            await Task.Delay(_delay, _stop.Token);
            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }
}

using System.Diagnostics;
using PenguinMails.Benchmarks.Infrastructure;

namespace PenguinMails.Benchmarks.Monitoring;

/// <summary>
/// Request metrics on the real pipeline: GET /api/health through the app with recording on and with it switched
/// off (Monitoring__RecordRequests=false), in alternating blocks so machine load drifts affect both alike.
/// Prints CPU and wall microseconds per request and the difference.
/// </summary>
public sealed class MetricsOverheadRunner : ILoadRunner
{
    private const int Blocks = 10;

    public string Name => "metrics-overhead";

    public async Task RunAsync(string[] args)
    {
        var requests = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5000;
        await using var on = new BenchmarkApp();
        await using var off = new BenchmarkApp(new Dictionary<string, string?> { ["Monitoring:RecordRequests"] = "false" });
        var onClient = on.CreateClient();
        var offClient = off.CreateClient();
        await SendAsync(onClient, 500);
        await SendAsync(offClient, 500);

        var perBlock = Math.Max(1, requests / Blocks);
        var withMetrics = new Figures();
        var without = new Figures();
        for (var block = 0; block < Blocks; block++)
        {
            await MeasureAsync(offClient, perBlock, without);
            await MeasureAsync(onClient, perBlock, withMetrics);
        }
        Console.WriteLine($"metrics-overhead: {perBlock * Blocks} sequential GET /api/health per app, in process (TestServer), {Blocks} alternating blocks");
        Console.WriteLine($"{"pipeline",-28} {"CPU µs/req",12} {"wall µs/req",12}");
        Console.WriteLine($"{"request metrics off",-28} {without.CpuMicros,12:F1} {without.WallMicros,12:F1}");
        Console.WriteLine($"{"request metrics on",-28} {withMetrics.CpuMicros,12:F1} {withMetrics.WallMicros,12:F1}");
        Console.WriteLine($"recording adds: {withMetrics.CpuMicros - without.CpuMicros:F1} µs CPU, {withMetrics.WallMicros - without.WallMicros:F1} µs wall per request");
    }

    private sealed class Figures
    {
        private TimeSpan _cpu;
        private TimeSpan _wall;
        private int _requests;

        public double CpuMicros => _cpu.TotalMicroseconds / _requests;
        public double WallMicros => _wall.TotalMicroseconds / _requests;

        public void Add(TimeSpan cpu, TimeSpan wall, int requests) => (_cpu, _wall, _requests) = (_cpu + cpu, _wall + wall, _requests + requests);
    }

    private static async Task MeasureAsync(HttpClient client, int requests, Figures figures)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await SendAsync(client, requests);
        wall.Stop();
        process.Refresh();
        figures.Add(process.TotalProcessorTime - cpu, wall.Elapsed, requests);
    }

    private static async Task SendAsync(HttpClient client, int requests)
    {
        for (var i = 0; i < requests; i++)
        {
            using var response = await client.GetAsync("/api/health");
            response.EnsureSuccessStatusCode();
        }
    }
}

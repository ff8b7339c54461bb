using System.Diagnostics;
using System.Net.Http.Headers;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure.Staff;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;
using PenguinMails.Benchmarks.Infrastructure;

namespace PenguinMails.Benchmarks.Staff;

/// <summary>
/// What authorization adds to a request: GET /api/roles (needs a session and staff.read, then returns a static
/// catalog) against GET /api/health (anonymous, trivial), in CPU microseconds and storage calls per request, set
/// against one bare point read of the session row through the app's own storage client. The three run in alternating
/// blocks, so drifts in machine load affect all alike. CPU is the process's, so the app's own background work (the
/// workflow worker polling its queues) is measured in idle blocks between and subtracted at that rate per wall second:
/// otherwise the slower operation would be charged more of it.
/// Run: dotnet run -c Release --project tests/PenguinMails.Benchmarks -- auth-overhead [requests]
/// </summary>
public sealed class AuthorizationOverheadRunner : ILoadRunner
{
    private const int Blocks = 10;

    public string Name => "auth-overhead";

    public async Task RunAsync(string[] args)
    {
        var requests = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2000;
        // No workflow worker: its queue polling would be background CPU in every block, which only adds noise here.
        await using var app = new BenchmarkApp(new Dictionary<string, string?> { ["Workflows:RunWorker"] = "false" });
        var client = app.CreateClient();
        var member = new StaffMember(SessionTokens.NewId(), "bench@penguinmails.test", "Bench", [RoleCatalog.Auditor], StaffStatus.Active,
            SessionTokens.NewId(), DateTimeOffset.UtcNow, null);
        await app.Services.GetRequiredService<IStaffStore>().CreateAsync(member);
        var (token, session) = await app.Services.GetRequiredService<SessionService>().IssueAsync(member, "127.0.0.1", "bench");
        var counter = app.Services.GetRequiredService<StorageCallCounter>();
        var table = app.Services.GetRequiredService<StorageClients>().Table(TableSessionStore.TableName);

        Func<Task> health = () => SendAsync(client, "/api/health", null);
        Func<Task> roles = () => SendAsync(client, "/api/roles", token);
        Func<Task> pointRead = () => table.GetEntityIfExistsAsync<TableEntity>(member.Id, session.Id);
        foreach (var warmUp in new[] { health, roles, pointRead })
        {
            await RepeatAsync(warmUp, 200);
        }
        var (anonymous, authorized, read, idle) = (new Figures(), new Figures(), new Figures(), new Figures());
        var perBlock = Math.Max(1, requests / Blocks);
        for (var block = 0; block < Blocks; block++)
        {
            await MeasureAsync(health, perBlock, counter, anonymous);
            await MeasureAsync(roles, perBlock, counter, authorized);
            await MeasureAsync(pointRead, perBlock, counter, read);
            await MeasureAsync(() => Task.Delay(20), 10, counter, idle);
        }
        var background = idle.CpuMicros / idle.WallMicros;
        foreach (var figures in new[] { anonymous, authorized, read })
        {
            figures.BackgroundShare = background;
        }

        Console.WriteLine($"auth-overhead: {perBlock * Blocks} sequential operations each, in process (TestServer) on Azurite, {Blocks} alternating blocks");
        Console.WriteLine($"background CPU while idle: {background * 100:F1}% of one core, subtracted below by wall time");
        Console.WriteLine($"{"operation",-36} {"CPU µs/op",12} {"wall µs/op",12} {"storage calls/op",17}");
        Print("GET /api/health (anonymous)", anonymous);
        Print("GET /api/roles (session+permission)", authorized);
        Print("one point read (session row)", read);
        var addedCpu = authorized.CpuMicros - anonymous.CpuMicros;
        Console.WriteLine($"authorization adds: {addedCpu:F1} µs CPU, {authorized.WallMicros - anonymous.WallMicros:F1} µs wall, "
            + $"{authorized.StorageCalls - anonymous.StorageCalls:F2} storage calls per request");
        Console.WriteLine($"authorization CPU / one point read CPU: {addedCpu / read.CpuMicros:F2}x (goal: at most 1.2x)");
    }

    private static void Print(string name, Figures f) =>
        Console.WriteLine($"{name,-36} {f.CpuMicros,12:F1} {f.WallMicros,12:F1} {f.StorageCalls,17:F2}");

    private static async Task SendAsync(HttpClient client, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    private static async Task RepeatAsync(Func<Task> operation, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await operation();
        }
    }

    private static async Task MeasureAsync(Func<Task> operation, int times, StorageCallCounter counter, Figures figures)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var calls = counter.Calls;
        var wall = Stopwatch.StartNew();
        await RepeatAsync(operation, times);
        wall.Stop();
        process.Refresh();
        figures.Add(process.TotalProcessorTime - cpu, wall.Elapsed, counter.Calls - calls, times);
    }

    private sealed class Figures
    {
        private TimeSpan _cpu;
        private TimeSpan _wall;
        private long _calls;
        private int _operations;

        /// <summary>Process CPU per wall microsecond that is the app's background work, not the operation's.</summary>
        public double BackgroundShare { get; set; }

        public double CpuMicros => (_cpu.TotalMicroseconds - BackgroundShare * _wall.TotalMicroseconds) / _operations;
        public double WallMicros => _wall.TotalMicroseconds / _operations;
        public double StorageCalls => _calls / (double)_operations;

        public void Add(TimeSpan cpu, TimeSpan wall, long calls, int operations) =>
            (_cpu, _wall, _calls, _operations) = (_cpu + cpu, _wall + wall, _calls + calls, _operations + operations);
    }
}

using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;
using PenguinMails.Benchmarks.Infrastructure;

namespace PenguinMails.Benchmarks.Staff;

/// <summary>
/// What authorization adds to a request: GET /api/roles (needs a session and staff.read, then returns a static
/// catalog) against GET /api/health (anonymous, trivial), in CPU microseconds and storage calls per request.
/// </summary>
public sealed class AuthorizationOverheadRunner : ILoadRunner
{
    public string Name => "auth-overhead";

    public async Task RunAsync(string[] args)
    {
        var requests = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2000;
        await using var app = new BenchmarkApp();
        var client = app.CreateClient();
        var member = new StaffMember(SessionTokens.NewId(), "bench@penguinmails.test", "Bench", [RoleCatalog.Auditor], StaffStatus.Active,
            SessionTokens.NewId(), DateTimeOffset.UtcNow, null);
        await app.Services.GetRequiredService<IStaffStore>().CreateAsync(member);
        var (token, _) = await app.Services.GetRequiredService<SessionService>().IssueAsync(member, "127.0.0.1", "bench");
        var counter = app.Services.GetRequiredService<StorageCallCounter>();

        var anonymous = await MeasureAsync(client, "/api/health", null, requests, counter);
        var authorized = await MeasureAsync(client, "/api/roles", token, requests, counter);
        Console.WriteLine($"auth-overhead: {requests} sequential requests each, in process (TestServer) on Azurite");
        Console.WriteLine($"{"endpoint",-34} {"CPU µs/req",12} {"wall µs/req",12} {"storage calls/req",18}");
        Print("GET /api/health (anonymous)", anonymous);
        Print("GET /api/roles (session+permission)", authorized);
        Console.WriteLine($"authorization adds: {authorized.CpuMicros - anonymous.CpuMicros:F1} µs CPU, "
            + $"{authorized.WallMicros - anonymous.WallMicros:F1} µs wall, {authorized.StorageCalls - anonymous.StorageCalls:F2} storage calls per request");
    }

    private static void Print(string name, Figures f) =>
        Console.WriteLine($"{name,-34} {f.CpuMicros,12:F1} {f.WallMicros,12:F1} {f.StorageCalls,18:F2}");

    private sealed record Figures(double CpuMicros, double WallMicros, double StorageCalls);

    private static async Task<Figures> MeasureAsync(HttpClient client, string path, string? token, int requests, StorageCallCounter counter)
    {
        async Task SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }
        for (var i = 0; i < 200; i++)
        {
            await SendAsync();
        }
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var callsBefore = counter.Calls;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
        {
            await SendAsync();
        }
        wall.Stop();
        process.Refresh();
        return new Figures((process.TotalProcessorTime - cpuBefore).TotalMicroseconds / requests, wall.Elapsed.TotalMicroseconds / requests,
            (counter.Calls - callsBefore) / (double)requests);
    }
}

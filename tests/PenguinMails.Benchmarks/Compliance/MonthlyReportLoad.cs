using System.Diagnostics;
using PenguinMails.Benchmarks.Infrastructure;
using PenguinMails.Admin.Alerts;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Tenants;

namespace PenguinMails.Benchmarks.Compliance;

/// <summary>
/// `monthly-report [--events 100000] [--staff 10000] [--users 10000] [--keep] [--workstation-gc]` (or `--delete &lt;prefix&gt;` for kept data): seeds
/// October 2026 on Azurite (audit events as valid hash chains, staff, alerts, platform users and one tenant per 50 users
/// created from mid-September to mid-November), then measures the monthly security report in a fresh process (so its peak memory is
/// the report's alone) against a raw scan of the same rows, and deletes what it seeded unless --keep.
/// </summary>
public sealed class MonthlyReportLoad : ILoadRunner
{
    public static readonly DateOnly Month = new(2026, 10, 1);
    public static readonly DateTimeOffset GeneratedAt = new(2026, 11, 1, 6, 0, 0, TimeSpan.Zero);

    public string Name => "monthly-report";

    public async Task RunAsync(string[] args)
    {
        if (Array.IndexOf(args, "--delete") is var at and >= 0 && at + 1 < args.Length)
        {
            await using var kept = await LoadEnvironment.StartAsync(args[at + 1], GeneratedAt);
            await kept.DeleteStorageAsync();
            Console.WriteLine($"Deleted the tables, queues and containers of prefix {args[at + 1]}.");
            return;
        }
        var events = Option(args, "--events", 100_000);
        var staff = Option(args, "--staff", 10_000);
        var users = Option(args, "--users", 10_000);
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        await using var environment = await LoadEnvironment.StartAsync(prefix, GeneratedAt);
        try
        {
            Console.WriteLine($"monthly-report: seeding {events:N0} audit events over October 2026, {staff:N0} staff and {users:N0} platform users (storage prefix {prefix})");
            var seeding = Stopwatch.StartNew();
            var ids = await StaffSeeder.SeedAsync(environment.Get<StorageClients>(), staff, GeneratedAt);
            Console.WriteLine($"  staff seeded in {seeding.Elapsed.TotalSeconds:F1} s");
            await AuditChainSeeder.SeedAsync(environment.Get<StorageClients>(), Month, 31, events, ids);
            await SeedAlertsAsync(environment.Get<IAlertStore>(), 100);
            var growth = await GrowthSeeder.SeedAsync(environment.Get<StorageClients>(), environment.Get<ITenantStore>(), Month, users, Math.Max(1, users / 50));
            Console.WriteLine($"  created in October: {growth.Users:N0} users, {growth.Tenants:N0} tenants (what the report must show)");
            Console.WriteLine($"  everything seeded in {seeding.Elapsed.TotalSeconds:F1} s");
            var exitCode = await MeasureInChildAsync([prefix, Text(events), Text(staff), Text(growth.Users), Text(growth.Tenants)], serverGc: !args.Contains("--workstation-gc"));
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"The measurement failed or went over budget (exit code {exitCode}).");
            }
        }
        finally
        {
            if (!args.Contains("--keep"))
            {
                await environment.DeleteStorageAsync();
            }
        }
    }

    private static async Task SeedAlertsAsync(IAlertStore alerts, int count)
    {
        var start = new DateTimeOffset(Month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), async (i, ct) =>
        {
            var draft = new AlertDraft("load-runner", i % 3 == 0 ? "sign-in-failures-ip" : "sign-in-failures-identity",
                i % 3 == 0 ? AlertSeverity.High : AlertSeverity.Medium, $"Seeded alert {i}", start.AddHours(7 * i), "seed-" + i, "subject-" + i);
            await alerts.AddIfAbsentAsync(draft.ToAlert(start.AddHours(7 * i)), ct);
        });
    }

    /// <summary>Runs the measurement in a new process, with server GC by default as the function app (an ASP.NET Core app) runs.</summary>
    private static async Task<int> MeasureInChildAsync(string[] arguments, bool serverGc)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = false, RedirectStandardError = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(MonthlyReportLoad).Assembly.Location);
        }
        foreach (var arg in new[] { MonthlyReportMeasurement.RunnerName }.Concat(arguments))
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_gcServer"] = serverGc ? "1" : "0";
        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) && value > 0 ? value : fallback;
    }
}

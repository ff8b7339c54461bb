using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Security;
using PenguinMails.Benchmarks.Infrastructure;
using PenguinMails.Benchmarks.LoadRunners;

namespace PenguinMails.Benchmarks.Audit;

/// <summary>
/// Audit appends per second with 1, 4 and 16 concurrent writers in one process: the per-day chain (before) and the
/// lanes (after), in the same run on the same Azurite, each append with its index rows, as the app writes them.
/// It runs twice: straight to Azurite, where the emulator's one CPU thread soon limits both paths, and through a
/// <see cref="LatencyProxy"/> that adds a network delay each way (as Azure Storage has), where waiting limits them.
/// Run: dotnet run -c Release --project tests/PenguinMails.Benchmarks -- load audit-appends [appends-per-writer=50] [latency-ms=5]
/// </summary>
public sealed class AuditAppendLoadRunner : ILoadRunner
{
    public string Name => "audit-appends";

    public async Task RunAsync(string[] args)
    {
        var perWriter = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 50;
        var latency = TimeSpan.FromMilliseconds(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
        Console.WriteLine("Straight to Azurite:");
        await RunAsync(perWriter, AzuriteServices.ConnectionString);
        var (delayed, proxy) = LatencyProxy.ForTables(AzuriteServices.ConnectionString, latency);
        await using (proxy)
        {
            Console.WriteLine($"Through a {latency.TotalMilliseconds:F0} ms delay each way (table calls):");
            await RunAsync(perWriter, delayed);
        }
    }

    private static async Task RunAsync(int perWriter, string connectionString)
    {
        await using var services = await AzuriteServices.StartAsync(connectionString);
        var before = new DayChainAuditAppender(services.GetRequiredService<StorageClients>(), TimeProvider.System);
        var after = services.GetRequiredService<IAuditLog>();
        await before.CreateTablesAsync();
        Console.WriteLine($"| writers | before: per-day chain (appends/s) | after: {Lanes(services)} lanes (appends/s) |");
        Console.WriteLine("|---|---|---|");
        try
        {
            // A warm-up of each, so neither pays for table creation or the first connections.
            await MeasureAsync(4, 5, e => before.AppendAsync(e));
            await MeasureAsync(4, 5, e => after.AppendAsync(e));
            foreach (var writers in new[] { 1, 4, 16 })
            {
                var old = await MeasureAsync(writers, perWriter, e => before.AppendAsync(e));
                var sharded = await MeasureAsync(writers, perWriter, e => after.AppendAsync(e));
                Console.WriteLine($"| {writers} | {old:F0} | {sharded:F0} |");
            }
            var verification = await after.VerifyAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow);
            Console.WriteLine($"After the run: valid={verification.Valid}, events={verification.Checked}, chains={verification.Chains}");
        }
        finally
        {
            await before.DeleteTablesAsync();
            await AzuriteServices.DeleteAsync(services);
        }
    }

    private static int Lanes(IServiceProvider services) => services.GetRequiredService<PenguinMails.Admin.Infrastructure.Audit.AuditOptions>().Lanes;

    private static async Task<double> MeasureAsync(int writers, int perWriter, Func<AuditEntry, Task> append)
    {
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                await append(new AuditEntry(Actor.System("bench"), "settings.update", "setting", $"w{w}-{i}", After: AuditEntry.Snapshot(new { Value = i })));
            }
        })));
        return writers * perWriter / watch.Elapsed.TotalSeconds;
    }
}

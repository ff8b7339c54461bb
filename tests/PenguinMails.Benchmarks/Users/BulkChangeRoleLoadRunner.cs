using StorageCallCounter = PenguinMails.Benchmarks.LoadRunners.StorageCallCounter;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Tenants;
using PenguinMails.Admin.Users;
using PenguinMails.Benchmarks.Infrastructure;
using PenguinMails.Benchmarks.LoadRunners;

namespace PenguinMails.Benchmarks.Users;

/// <summary>
/// Bulk change-role of N users (default 10,000) against Azurite, through BulkUserService exactly as POST /api/users/bulk
/// runs it: time, and storage calls per user, for a dry run and for the real run.
/// Run: dotnet run -c Release --project tests/PenguinMails.Benchmarks -- load users-bulk [count]
/// </summary>
public sealed class BulkChangeRoleLoadRunner : ILoadRunner
{
    public string Name => "users-bulk";

    public async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : BulkUserCommand.MaxUsers;
        await using var services = await AzuriteServices.StartAsync();
        var actor = new Actor("bench-admin", "bench@penguinmails.com", [RoleCatalog.Admin], RoleCatalog.PermissionsOf([RoleCatalog.Admin]), null, null, null,
            "bench");
        var tenants = services.GetRequiredService<TenantService>();
        var tenant = (await tenants.CreateAsync(actor, "Bench", $"bench{Guid.NewGuid():N}.example.com", "growth", "owner@bench.example.com", null)).Value;
        await tenants.ApproveAsync(actor, tenant.Id, null);
        Console.WriteLine($"Seeding {count} users with their index rows...");
        var users = await UserSeeder.SeedAsync(services.GetRequiredService<StorageClients>(), tenant.Id, count, withIndex: true);
        var ids = users.Select(u => u.Id).ToList();
        var bulk = services.GetRequiredService<BulkUserService>();

        await MeasureAsync("dry run", count, () => bulk.RunAsync(actor, new BulkUserCommand(BulkUserAction.ChangeRole, ids, "admin", null, "bench", true)));
        await MeasureAsync("change-role", count, () => bulk.RunAsync(actor, new BulkUserCommand(BulkUserAction.ChangeRole, ids, "admin", null, "bench", false)));
        await BatchesAsync(services, actor, ids);
        await PhasesAsync(services, actor, ids);
        await AzuriteServices.DeleteAsync(services);
    }

    /// <summary>
    /// The long-running path's work: the plan, then every batch through BulkUserBatchProcessor (4 at a time), as the
    /// workflow's activities run it. The engine's own queue and history traffic is not part of it.
    /// </summary>
    private static async Task BatchesAsync(IServiceProvider services, Actor actor, List<string> ids)
    {
        var results = services.GetRequiredService<IBulkUserResultStore>();
        var processor = services.GetRequiredService<BulkUserBatchProcessor>();
        var operation = "bench-" + Guid.NewGuid().ToString("N");
        var command = new BulkUserCommand(BulkUserAction.ChangeRole, [], "billing", null, "bench", false);
        using var calls = new StorageCallCounter();
        var watch = Stopwatch.StartNew();
        var batches = BulkUserPlan.Batches(ids);
        await results.SavePlanAsync(operation, batches);
        var changed = 0;
        await Parallel.ForAsync(0, batches.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
            Interlocked.Add(ref changed, (await processor.ProcessAsync(actor with { CorrelationId = operation }, new BulkUserBatch(operation, i, command), ct)).Changed));
        watch.Stop();
        Console.WriteLine($"{"batches",-12} users={ids.Count} changed={changed} batches={batches.Count} time={watch.Elapsed.TotalSeconds:F1}s " +
            $"users/s={ids.Count / watch.Elapsed.TotalSeconds:F0} storage calls={calls.Calls} calls/user={(double)calls.Calls / ids.Count:F2}");
    }

    /// <summary>The same work again (back to member), phase by phase, to show where the time goes.</summary>
    private static async Task PhasesAsync(IServiceProvider services, Actor actor, List<string> ids)
    {
        var store = services.GetRequiredService<IPlatformUserStore>();
        var audit = services.GetRequiredService<PenguinMails.Admin.Audit.IAuditLog>();
        var watch = Stopwatch.StartNew();
        var loaded = await store.GetManyAsync(ids);
        var read = watch.Elapsed;
        var changes = ids.Select(id => new UserChange(loaded[id].Value, loaded[id].Value with { Role = "member" }, loaded[id].ETag)).ToList();
        watch.Restart();
        await store.UpdateManyAsync(changes);
        var write = watch.Elapsed;
        watch.Restart();
        await audit.AppendManyAsync(changes.Select(c => new PenguinMails.Admin.Audit.AuditEntry(actor, "users.bulk.change-role", "user", c.After.Id)).ToList());
        Console.WriteLine($"phases: read {read.TotalSeconds:F1}s, user rows + index {write.TotalSeconds:F1}s, audit {watch.Elapsed.TotalSeconds:F1}s");
    }

    private static async Task MeasureAsync(string label, int count, Func<Task<BulkUserReport>> run)
    {
        using var calls = new StorageCallCounter();
        var watch = Stopwatch.StartNew();
        var report = await run();
        watch.Stop();
        Console.WriteLine($"{label,-12} users={count} changed={report.Summary.Changed} failed={report.Summary.Failed} time={watch.Elapsed.TotalSeconds:F1}s " +
            $"users/s={count / watch.Elapsed.TotalSeconds:F0} storage calls={calls.Calls} calls/user={(double)calls.Calls / count:F2}");
    }
}

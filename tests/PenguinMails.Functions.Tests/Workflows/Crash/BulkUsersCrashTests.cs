using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Infrastructure.Users;
using PenguinMails.Admin.Users;
using PenguinMails.Admin.Users.Workflow;
using PenguinMails.Admin.Workflows;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Users;
using PenguinMails.Workflows.CrashHost;

namespace PenguinMails.Functions.Tests.Workflows.Crash;

/// <summary>
/// The real users-bulk journey in real worker processes: a worker killed after a batch changed, audited and ran the
/// effects for its users, but before the batch recorded its results, is replaced by a second, which finishes the
/// run. No user is changed twice, each has exactly one audit event, and every result says changed.
/// </summary>
[Collection(CrashTestCollection.Name)]
public sealed class BulkUsersCrashTests
{
    private const int Users = 1000; // two batches of 500, in one round of the orchestrator

    private readonly CrashTestHub _hub = new(leaseInterval: TimeSpan.FromSeconds(8), messageVisibility: TimeSpan.FromSeconds(5),
        new Dictionary<string, string>
        {
            ["CrashTest__Workflow"] = BulkUsersUnderTest.Workflow,
            ["Security__CursorKey"] = TestEnvironment.CursorKey,
            ["Secrets__LocalKey"] = TestEnvironment.SecretsLocalKey,
        });

    [Fact]
    public async Task KilledAsABatchSavesItsResults_TheSecondWorkerFinishesIt_AndNoUserIsChangedOrAuditedTwice()
    {
        await using var services = await ServicesAsync();
        var users = services.GetRequiredService<IPlatformUserStore>();
        var results = services.GetRequiredService<IBulkUserResultStore>();
        var ids = await SeedAsync(services.GetRequiredService<StorageClients>());
        var id = BulkUserWorkflows.NewId();
        var batches = BulkUserPlan.Batches(ids);
        await results.SavePlanAsync(id, batches);
        var command = new BulkUserCommand(BulkUserAction.ChangeRole, [], PlatformUserRoles.Viewer, null, "crash test re-org", false);
        await _hub.StartAsync(BulkUsersUnderTest.Workflow, id, new BulkUserWorkflowInput(command, batches.Count, ids.Count));

        await using (var first = await WorkerProcess.StartAsync(_hub, "worker-1", $"{CrashPoint.BeforeResults}:batch-1"))
        {
            await Eventually.TrueAsync(() => Task.FromResult(first.HasExited), TimeSpan.FromSeconds(120), $"worker-1 did not crash:\n{first.Output}");
            Assert.Contains($"crash {CrashPoint.BeforeResults} batch-1 {id}", first.Lines);
        }
        // Batch 1's users were written (with the batch's key) before the crash; its results were not.
        Assert.Null(await results.GetBatchAsync(id, 1));
        var key = BulkUserPlan.BatchKey(id, 1);
        Assert.All((await users.GetManyAsync(batches[1])).Values, u => Assert.Equal((PlatformUserRoles.Viewer, key), (u.Value.Role, u.Value.LastBulkBatch)));

        await using var second = await WorkerProcess.StartAsync(_hub, "worker-2");
        var done = await _hub.WaitForAsync(id, WorkflowRuntimeStatus.Completed, TimeSpan.FromSeconds(180));

        Assert.Contains($"{Users}/{Users} users: {Users} changed, 0 unchanged, 0 failed", done.CustomStatus?.ToString());
        var stored = await users.GetManyAsync(ids);
        Assert.All(ids, u => Assert.Equal(PlatformUserRoles.Viewer, stored[u].Value.Role));
        var listed = await AllPagesAsync(page => results.ListAsync(id, page));
        Assert.Equal(ids.Order(StringComparer.Ordinal), listed.Select(r => r.UserId).Order(StringComparer.Ordinal));
        Assert.All(listed, r => Assert.Equal((BulkOutcome.Changed, (string?)null), (r.Outcome, r.Error)));
        var events = await AuditedUsersAsync(services.GetRequiredService<IAuditLog>(), id);
        Assert.Equal(Users, events.Count);
        Assert.All(ids, u => Assert.Equal(1, events.Count(t => t == u)));
    }

    /// <summary>The same registrations as the workers (BulkUsersUnderTest), on the hub's storage; the storage initializer creates the tables.</summary>
    private async Task<ServiceProvider> ServicesAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_hub.WorkerSettings.ToDictionary(p => p.Key.Replace("__", ":"), p => (string?)p.Value))
            .Build();
        var services = new ServiceCollection().AddBulkUsersUnderTest(configuration).BuildServiceProvider();
        foreach (var hosted in services.GetServices<IHostedService>().OfType<StorageInitializer>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
        return services;
    }

    /// <summary>Users of one tenant with their index rows, written straight to the tables (set-up, not under test).</summary>
    private static async Task<List<string>> SeedAsync(StorageClients storage)
    {
        var now = DateTimeOffset.UtcNow;
        var seeded = Enumerable.Range(0, Users).Select(i => new PlatformUser(PlatformUserIds.New(), "crashtenant", $"crash{i}@crash.example.com", $"Crash {i}",
            PlatformUserRoles.Member, PlatformUserStatus.Active, now, null, null)).ToList();
        await PlatformUserRowSeeder.WriteAsync(storage, seeded, withIndex: true);
        return seeded.Select(u => u.Id).ToList();
    }

    /// <summary>The target of every per-user audit event of the run (its correlation id is the instance id).</summary>
    private static async Task<List<string>> AuditedUsersAsync(IAuditLog audit, string instanceId)
    {
        var query = new AuditQuery(null, null, AuditActions.UsersBulkItem(BulkUserChanges.ActionName(BulkUserAction.ChangeRole)), DateTimeOffset.UtcNow.AddHours(-1), null);
        var events = await AllPagesAsync(page => audit.QueryAsync(query, page));
        return events.Where(e => e.CorrelationId == instanceId).Select(e => e.TargetId).ToList();
    }

    private static async Task<List<T>> AllPagesAsync<T>(Func<PageRequest, Task<Page<T>>> read)
    {
        var all = new List<T>();
        for (var page = PageRequest.First(100); ;)
        {
            var got = await read(page);
            all.AddRange(got.Items);
            if (got.NextCursor is null)
            {
                return all;
            }
            page = PageRequest.From(100, got.NextCursor);
        }
    }
}

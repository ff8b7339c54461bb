using StorageCallCounter = PenguinMails.Benchmarks.LoadRunners.StorageCallCounter;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;
using PenguinMails.Admin.Tenants;
using PenguinMails.Admin.Users;
using PenguinMails.Admin.Workflows;
using PenguinMails.Benchmarks.Infrastructure;
using PenguinMails.Benchmarks.LoadRunners;

namespace PenguinMails.Benchmarks.Users;

/// <summary>
/// Bulk change-role of N users (default 10,000) against the app on Azurite, the synchronous way POST /api/users/bulk
/// ran every call before ("before": BulkUserService in one go) and the way it runs a call over 500 users now
/// ("after": POST over HTTP answers 202, the users-bulk workflow applies the batches). For each: time, storage calls per
/// user (every HTTP request the process makes, the workflow engine's own queue and history traffic included) and,
/// for the workflow, how long the HTTP call took to answer.
/// Run: dotnet run -c Release --project tests/PenguinMails.Benchmarks -- load users-bulk [count]
/// </summary>
public sealed class BulkChangeRoleLoadRunner : ILoadRunner
{
    public string Name => "users-bulk";

    public async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : BulkUserCommand.MaxUsers;
        await using var app = new BenchmarkApp();
        var services = app.Services;
        var manager = await CreateStaffAsync(services.GetRequiredService<IStaffStore>(), RoleCatalog.UserManager);
        var actor = new Actor(manager.Id, manager.Email, [RoleCatalog.UserManager], RoleCatalog.PermissionsOf([RoleCatalog.UserManager]), null, null, null,
            "bench");
        var tenants = services.GetRequiredService<TenantService>();
        var admin = actor with { Roles = [RoleCatalog.Admin], Permissions = RoleCatalog.PermissionsOf([RoleCatalog.Admin]) };
        var tenant = (await tenants.CreateAsync(admin, "Bench", $"bench{Guid.NewGuid():N}.example.com", "growth", "owner@bench.example.com", null)).Value;
        await tenants.ApproveAsync(admin, tenant.Id, null);
        Console.WriteLine($"Seeding {count} users with their index rows (prefix {app.Prefix})...");
        var users = await UserSeeder.SeedAsync(services.GetRequiredService<StorageClients>(), tenant.Id, count, withIndex: true);
        var ids = users.Select(u => u.Id).ToList();
        var bulk = services.GetRequiredService<BulkUserService>();

        await MeasureAsync("dry run", count, () => bulk.RunAsync(actor, new BulkUserCommand(BulkUserAction.ChangeRole, ids, "admin", null, "bench", true)));
        await MeasureAsync("before: in the request", count,
            () => bulk.RunAsync(actor, new BulkUserCommand(BulkUserAction.ChangeRole, ids, "admin", null, "bench", false)));

        var (token, _) = await services.GetRequiredService<SessionService>().IssueAsync(manager, "127.0.0.1", "benchmark");
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await WorkflowAsync(client, services.GetRequiredService<IWorkflowClient>(), ids, app.Prefix);
    }

    /// <summary>The after path: POST over HTTP (202), then the workflow to its end, polled the way the console does (every 1.5 s).</summary>
    private static async Task WorkflowAsync(HttpClient client, IWorkflowClient workflows, List<string> ids, string prefix)
    {
        using var calls = new StorageCallCounter();
        using var breakdown = new StorageCallBreakdown(prefix);
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync("/api/users/bulk",
            new { action = "change-role", userIds = ids, parameters = new { role = "billing" }, reason = "bench", dryRun = false });
        var answered = watch.Elapsed;
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"POST /api/users/bulk answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        var requestCalls = calls.Calls;
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("workflowId").GetString()!;
        WorkflowInstance? instance;
        while ((instance = await workflows.FindAsync(id)) is not { IsTerminal: true })
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
        }
        watch.Stop();
        Console.WriteLine($"{"after: workflow",-24} users={ids.Count} status={instance.Status} ({instance.CustomStatus}) HTTP answered in {answered.TotalMilliseconds:F0} ms " +
            $"({requestCalls} storage calls) time={watch.Elapsed.TotalSeconds:F1}s users/s={ids.Count / watch.Elapsed.TotalSeconds:F0} " +
            $"storage calls={calls.Calls} calls/user={(double)calls.Calls / ids.Count:F2}");
        Console.WriteLine("  calls by target: " + string.Join(", ", breakdown.Top(8).Select(t => $"{t.Target} {t.Calls}")));
    }

    private static async Task MeasureAsync(string label, int count, Func<Task<BulkUserReport>> run)
    {
        using var calls = new StorageCallCounter();
        var watch = Stopwatch.StartNew();
        var report = await run();
        watch.Stop();
        Console.WriteLine($"{label,-24} users={count} changed={report.Summary.Changed} failed={report.Summary.Failed} time={watch.Elapsed.TotalSeconds:F1}s " +
            $"users/s={count / watch.Elapsed.TotalSeconds:F0} storage calls={calls.Calls} calls/user={(double)calls.Calls / count:F2}");
    }

    private static async Task<StaffMember> CreateStaffAsync(IStaffStore store, string role)
    {
        var id = SessionTokens.NewId();
        var member = new StaffMember(id, $"bench-{id}@penguinmails.test", "Bench " + id[..6], [role], StaffStatus.Active, SessionTokens.NewId(),
            DateTimeOffset.UtcNow, null);
        return (await store.CreateAsync(member)).Value;
    }
}

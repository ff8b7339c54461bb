using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;
using PenguinMails.Admin.Staff.Offboarding;
using PenguinMails.Admin.Workflows;
using PenguinMails.Benchmarks.Infrastructure;

namespace PenguinMails.Benchmarks.Workflows;

/// <summary>
/// Starts N offboardings over HTTP against the app on Azurite and prints workflow throughput (steps per second),
/// step latency (p50, p99: from the time the orchestrator schedules a step to the time its completion is recorded,
/// so it includes the activity's own run), the pickup of new instances (start → first step scheduled), and the
/// pickup of one offboarding started after 10 s of idleness.
/// Run: <c>dotnet run -c Release --project tests/PenguinMails.Benchmarks -- workflows [count]</c>.
/// </summary>
public sealed class WorkflowLoadRunner : PenguinMails.Benchmarks.Infrastructure.ILoadRunner
{
    public string Name => "workflows";

    public async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        // The local trigger runner on: the offboardings' queue-triggered follow-ups run as they would in the app.
        await using var app = new BenchmarkApp(new Dictionary<string, string?> { ["Triggers:RunLocally"] = "true", ["Auth:Oidc:HostedDomain"] = "penguinmails.test" });
        var services = app.Services;
        var staff = services.GetRequiredService<IStaffStore>();
        var admin = await CreateAsync(staff, RoleCatalog.Admin);
        var (token, _) = await services.GetRequiredService<SessionService>().IssueAsync(admin, "127.0.0.1", "benchmark");
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var targets = new List<StaffMember>();
        foreach (var chunk in Enumerable.Range(0, count).Chunk(50))
        {
            targets.AddRange(await Task.WhenAll(chunk.Select(_ => CreateAsync(staff, RoleCatalog.SupportAgent))));
        }
        Console.WriteLine($"Starting {count} offboardings against Azurite (prefix {app.Prefix}) ...");

        var clock = Stopwatch.StartNew();
        foreach (var chunk in targets.Chunk(16))
        {
            await Task.WhenAll(chunk.Select(t => OffboardAsync(client, t.Id, "benchmark")));
        }
        var started = clock.Elapsed;
        Console.WriteLine($"Starts answered 503:   {_unavailable} (retried after Retry-After, as a client does; a repeat POST returns the same instance)");
        var workflows = services.GetRequiredService<IWorkflowClient>();
        var finished = await WaitForAllAsync(workflows, count);
        var elapsed = clock.Elapsed;

        var histories = await Task.WhenAll(targets.Select(t => workflows.GetAsync(OffboardingWorkflows.OffboardingId(t.Id))));
        Report(count, started, elapsed, finished, histories);

        await Task.Delay(TimeSpan.FromSeconds(10));
        var idle = await CreateAsync(staff, RoleCatalog.SupportAgent);
        await OffboardAsync(client, idle.Id, "benchmark (idle)");
        var id = OffboardingWorkflows.OffboardingId(idle.Id);
        while ((await workflows.FindAsync(id))?.IsTerminal != true)
        {
            await Task.Delay(50);
        }
        var status = await workflows.GetAsync(id);
        Console.WriteLine($"Idle pickup:           {PickupOf(status):F0} ms (start -> first step scheduled, after 10 s idle)");
    }

    private static int _unavailable;

    /// <summary>POST offboard; a 503 (a store timed out under the load) is retried after its Retry-After, up to 10 times.</summary>
    private static async Task OffboardAsync(HttpClient client, string staffId, string reason)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await client.PostAsJsonAsync($"/api/staff/{staffId}/offboard", new { reason });
            if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable || attempt == 10)
            {
                response.EnsureSuccessStatusCode();
                return;
            }
            Interlocked.Increment(ref _unavailable);
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }

    private static double PickupOf(WorkflowStatus status) =>
        status.History.Where(e => e.DueTime is not null).Select(e => (e.DueTime!.Value - status.Instance.CreatedTime).TotalMilliseconds).DefaultIfEmpty(0).Min();

    private static async Task<int> WaitForAllAsync(IWorkflowClient workflows, int count)
    {
        while (true)
        {
            var done = 0;
            foreach (var status in new[] { WorkflowRuntimeStatus.Completed, WorkflowRuntimeStatus.Failed })
            {
                string? cursor = null;
                do
                {
                    var page = await workflows.ListAsync(new WorkflowFilter(OffboardingWorkflows.OffboardingType, status), new PageRequest(500, cursor));
                    done += page.Items.Count;
                    cursor = page.NextCursor;
                }
                while (cursor is not null);
            }
            Console.WriteLine($"  {done}/{count} finished");
            if (done >= count)
            {
                return done;
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    private static void Report(int count, TimeSpan started, TimeSpan elapsed, int finished, WorkflowStatus[] histories)
    {
        var steps = histories.SelectMany(h => h.History).Where(e => e.EventType == WorkflowHistoryEventTypes.ActivityCompleted).ToList();
        var latencies = steps.Select(e => (e.Timestamp - e.DueTime!.Value).TotalMilliseconds).Order().ToList();
        var pickups = histories.Select(PickupOf).Order().ToList();
        var retries = histories.SelectMany(h => h.History).Count(e => e.EventType == WorkflowHistoryEventTypes.ActivityFailed);
        var failed = histories.Count(h => h.Instance.Status == WorkflowRuntimeStatus.Failed);
        Console.WriteLine($"Offboardings:          {count} ({finished} finished, {failed} failed)");
        Console.WriteLine($"Started in:            {started.TotalSeconds:F1} s ({count / started.TotalSeconds:F0} starts/s)");
        Console.WriteLine($"All finished after:    {elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"Steps completed:       {steps.Count} ({retries} failed attempts retried)");
        Console.WriteLine($"Throughput:            {steps.Count / elapsed.TotalSeconds:F1} steps/s");
        Console.WriteLine($"Step latency p50:      {Percentile(latencies, 0.50):F0} ms (scheduled -> completed)");
        Console.WriteLine($"Step latency p99:      {Percentile(latencies, 0.99):F0} ms");
        Console.WriteLine($"Step latency max:      {latencies.LastOrDefault():F0} ms");
        Console.WriteLine($"Start pickup p50/p99:  {Percentile(pickups, 0.50):F0} / {Percentile(pickups, 0.99):F0} ms (start -> first step scheduled)");
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task<StaffMember> CreateAsync(IStaffStore store, string role)
    {
        var id = SessionTokens.NewId();
        var member = new StaffMember(id, $"bench-{id}@penguinmails.test", "Bench " + id[..6], [role], StaffStatus.Active, SessionTokens.NewId(),
            DateTimeOffset.UtcNow, null);
        return (await store.CreateAsync(member)).Value;
    }
}

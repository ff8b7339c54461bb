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

namespace PenguinMails.Benchmarks.Workflows;

/// <summary>
/// Starts N offboardings over HTTP against the app on Azurite and prints workflow throughput (steps per second)
/// and step latency (p50, p99: from the time a step is due to the time a worker starts it).
/// Run: <c>dotnet run -c Release --project tests/PenguinMails.Benchmarks -- workflows [count]</c>.
/// </summary>
public sealed class WorkflowLoadRunner : PenguinMails.Benchmarks.Infrastructure.ILoadRunner
{
    public string Name => "workflows";

    public async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        await using var app = new BenchmarkApp();
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
            await Task.WhenAll(chunk.Select(async t =>
                (await client.PostAsJsonAsync($"/api/staff/{t.Id}/offboard", new { reason = "benchmark" })).EnsureSuccessStatusCode()));
        }
        var started = clock.Elapsed;
        var workflows = services.GetRequiredService<WorkflowClient>();
        var finished = await WaitForAllAsync(workflows, count);
        var elapsed = clock.Elapsed;

        var histories = await Task.WhenAll(targets.Select(t => workflows.GetAsync(OffboardingWorkflows.OffboardingId(t.Id))));
        Report(count, started, elapsed, finished, histories);
    }

    private static async Task<int> WaitForAllAsync(WorkflowClient workflows, int count)
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
        var latencies = steps.Select(e => (e.StartedTime!.Value - e.DueTime!.Value).TotalMilliseconds).Order().ToList();
        var retries = histories.SelectMany(h => h.History).Count(e => e.EventType == WorkflowHistoryEventTypes.ActivityFailed);
        var failed = histories.Count(h => h.Instance.Status == WorkflowRuntimeStatus.Failed);
        Console.WriteLine($"Offboardings:          {count} ({finished} finished, {failed} failed)");
        Console.WriteLine($"Started in:            {started.TotalSeconds:F1} s ({count / started.TotalSeconds:F0} starts/s)");
        Console.WriteLine($"All finished after:    {elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"Steps completed:       {steps.Count} ({retries} failed attempts retried)");
        Console.WriteLine($"Throughput:            {steps.Count / elapsed.TotalSeconds:F1} steps/s");
        Console.WriteLine($"Step latency p50:      {Percentile(latencies, 0.50):F0} ms (due -> started)");
        Console.WriteLine($"Step latency p99:      {Percentile(latencies, 0.99):F0} ms");
        Console.WriteLine($"Step latency max:      {latencies.LastOrDefault():F0} ms");
        var durations = steps.Select(e => (e.Timestamp - e.StartedTime!.Value).TotalMilliseconds).Order().ToList();
        Console.WriteLine($"Activity run p50/p99:  {Percentile(durations, 0.50):F0} / {Percentile(durations, 0.99):F0} ms (started -> completed)");
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

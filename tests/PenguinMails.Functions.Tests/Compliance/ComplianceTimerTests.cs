using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PenguinMails.Admin.Compliance.Reports;
using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Functions.Hosting;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Compliance;

/// <summary>
/// The compliance timers fired the two ways they run outside Azure: by the local trigger runner on their real schedules
/// (on a fake clock that reaches Monday 1 January 2029, 06:00 UTC, when every one of them is due), and by `run-timer`.
/// </summary>
public sealed class ComplianceTimerTests
{
    /// <summary>The suite runs in parallel on two shared cores, so the waits are generous; only the probe wait moves the clock.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ReportPatience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task LocalTriggerRunner_FiresEveryComplianceTimerOnItsSchedule()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2028, 12, 31, 23, 59, 50, TimeSpan.Zero));
        var probe = new ProbeLog();
        await using var app = new RunnerFactory { Time = clock }.WithServices(services =>
        {
            services.AddSingleton(probe);
            services.AddTimerFunction<ProbeFunction>("TestProbe", "* * * * * *");
        });
        _ = app.Server;

        // The runner starts its timers in the background; once the per-second probe has fired, every timer is waiting on the clock.
        // Each poll moves the clock one second, so even two minutes of waiting leaves it before the nightly export's 00:30.
        await Eventually.TrueAsync(() =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return Task.FromResult(!probe.Runs.IsEmpty);
        }, Patience, "the local trigger runner never fired the probe timer");
        Assert.True(clock.GetUtcNow() < new DateTimeOffset(2029, 1, 1, 0, 30, 0, TimeSpan.Zero));
        clock.SetUtcNow(new DateTimeOffset(2029, 1, 1, 6, 0, 5, TimeSpan.Zero));

        var reports = app.Services.GetRequiredService<IReportStore>();
        foreach (var id in new[] { "weekly-access-2028-12-25", "monthly-security-2028-12-01", "quarterly-access-review-2029-01-01" })
        {
            await Eventually.TrueAsync(async () => (await reports.GetAsync(id))?.Value.Status == ReportStatus.Completed, ReportPatience, id + " was not generated");
            Assert.Null((await reports.GetAsync(id))!.Value.CreatedBy);
        }
        var blob = app.Services.GetRequiredService<StorageClients>().Container(BlobAuditArchive.Container)
            .GetBlobClient(BlobAuditArchive.BlobName(new DateOnly(2028, 12, 31)));
        await Eventually.TrueAsync(async () => (await blob.ExistsAsync()).Value, ReportPatience, "the nightly audit export did not run");
    }

    public static TheoryData<string, string> Timers() => new()
    {
        { "WeeklyComplianceReport", "weekly-access-" },
        { "MonthlyComplianceReport", "monthly-security-" },
        { "QuarterlyAccessReview", "quarterly-access-review-" },
        { "NightlyAuditExport", "Exported 0 audit events of " },
        { "DetectSecurityAlerts", "raised 0 alerts" },
    };

    [Theory]
    [MemberData(nameof(Timers))]
    public async Task RunTimer_RunsEachComplianceTimerOnceFromTheCommandLine(string timer, string expected)
    {
        var prefix = TestEnvironment.NewStoragePrefix();
        var (exit, output, error) = await AppProcess.RunAsync(prefix, "run-timer", timer);
        Assert.True(exit == 0, output + error);
        Assert.Contains(expected, output);
        if (timer == "WeeklyComplianceReport")
        {
            Assert.StartsWith("Generated ", output, StringComparison.Ordinal);
            var (again, secondOutput, secondError) = await AppProcess.RunAsync(prefix, "run-timer", timer);
            Assert.True(again == 0, secondOutput + secondError);
            Assert.Contains("already exists (completed); nothing to do.", secondOutput);
        }
    }

    private sealed class RunnerFactory() : AdminAppFactory(new Dictionary<string, string?> { ["Triggers:RunLocally"] = "true" });

    private sealed class ProbeLog
    {
        public ConcurrentQueue<DateTimeOffset> Runs { get; } = new();
    }

    private sealed class ProbeFunction(ProbeLog log, TimeProvider time) : ITriggeredFunction
    {
        public Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
        {
            log.Runs.Enqueue(time.GetUtcNow());
            return Task.CompletedTask;
        }
    }
}

using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Monitoring;

public sealed class AbandonedRequestMetricsTests(HeldAuditQueryApp factory) : IClassFixture<HeldAuditQueryApp>
{
    [Fact]
    public async Task ACallTheClientAbandons_IsNotCountedAsAServerError()
    {
        var (auditor, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Auditor);
        using var leave = new CancellationTokenSource();

        var call = auditor.GetAsync("/api/audit", leave.Token);
        await factory.QueryStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await leave.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        var (admin, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        await Eventually.TrueAsync(async () =>
            (await MonitoringQueuesAndJobsTests.FindAsync(admin, "/api/monitoring/metrics", "function", "ListAuditEvents"))?
                .GetProperty("last5Minutes").GetProperty("clientErrors").GetInt64() == 1);
        var recent = (await MonitoringQueuesAndJobsTests.FindAsync(admin, "/api/monitoring/metrics", "function", "ListAuditEvents"))!.Value
            .GetProperty("last5Minutes");
        Assert.Equal(0, recent.GetProperty("serverErrors").GetInt64());
        Assert.Equal(0, recent.GetProperty("errorRatePercent").GetDouble());
    }
}

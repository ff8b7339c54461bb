using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using PenguinMails.Admin.Compliance.Alerts;
using PenguinMails.Admin.Compliance.Reports;
using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Compliance;

/// <summary>The monthly security report for October 2026, generated on 1 November from seeded staff, audit events and alerts.</summary>
public sealed class MonthlySecurityReportTests : IAsyncLifetime
{
    private static readonly DateTimeOffset October = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset GeneratedAt = new(2026, 11, 1, 6, 0, 0, TimeSpan.Zero);
    private ClockedApp _app = null!;
    private StaffMember _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await ClockedApp.StartAsync(October);
        _admin = await MemberAsync("admin", [RoleCatalog.SuperAdmin], GeneratedAt.AddDays(-1));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<StaffMember> MemberAsync(string name, string[] roles, DateTimeOffset? lastLogin, StaffStatus status = StaffStatus.Active)
    {
        var id = SessionTokens.NewId();
        var member = new StaffMember(id, $"{name}-{id}@penguinmails.test", name, roles, status, SessionTokens.NewId(), October.AddMonths(-6), lastLogin);
        return (await _app.Service<IStaffStore>().CreateAsync(member)).Value;
    }

    private async Task SeedOctoberAsync()
    {
        await MemberAsync("recent", [RoleCatalog.Admin], GeneratedAt.AddDays(-2));
        await MemberAsync("idle40", [RoleCatalog.SupportAgent], GeneratedAt.AddDays(-40));
        await MemberAsync("idle120", [RoleCatalog.Finance], GeneratedAt.AddDays(-120));
        await MemberAsync("never", [RoleCatalog.Auditor], null);
        await MemberAsync("suspended", [RoleCatalog.SecurityOfficer], null, StaffStatus.Suspended);
        var admin = await _app.ClientAsync(_admin);
        foreach (var name in new[] { "c1", "c2" })
        {
            (await admin.PostAsJsonAsync("/api/staff", new { email = $"{name}-{Guid.NewGuid():N}@penguinmails.test", displayName = name, roles = new[] { RoleCatalog.SupportAgent } }))
                .EnsureSuccessStatusCode();
        }
        var c2 = (await (await admin.GetAsync("/api/staff?q=c2-")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetString();
        _app.At(October.AddDays(1));
        (await (await _app.ClientAsync(_admin)).PostAsJsonAsync($"/api/staff/{c2}/suspend", new { reason = "investigation" })).EnsureSuccessStatusCode();
        var alerts = _app.Service<AlertService>();
        await alerts.RaiseAsync(new AlertDraft("tests", "test-high", AlertSeverity.High, "A serious thing", _app.Clock.GetUtcNow(), "m1"));
        await alerts.RaiseAsync(new AlertDraft("tests", "test-low", AlertSeverity.Low, "A small thing", _app.Clock.GetUtcNow(), "m2"));
        _app.At(GeneratedAt);
    }

    private async Task<System.Text.Json.JsonElement> GenerateAsync()
    {
        var admin = await _app.ClientAsync(_admin);
        await (await admin.PostAsJsonAsync("/api/reports", new { type = "monthly-security", periodStart = "2026-10-01" })).ReadJsonAsync(HttpStatusCode.Created);
        return await (await admin.GetAsync("/api/reports/monthly-security-2026-10-01/content?format=json")).ReadJsonAsync();
    }

    [Fact]
    public async Task MonthlyReport_HasTheAccessSnapshotDormancyHoldersChainIncidents_AndUserGrowth()
    {
        await SeedOctoberAsync();
        var report = await GenerateAsync();

        Assert.Equal("8", report.Figure("staffMembers"));
        Assert.Equal("6", report.Figure("activeStaff"));
        Assert.Equal("1", report.Figure("dormant30"));
        Assert.Equal("1", report.Figure("dormant90"));
        Assert.Equal("2", report.Figure("neverSignedIn"));
        Assert.Equal("4", report.Figure("sensitivePermissionHolders"));
        Assert.Equal("valid", report.Figure("auditChain"));
        Assert.Equal("5", report.Figure("auditEventsVerified"));
        Assert.Equal("2", report.Figure("securityIncidents"));
        Assert.Equal("0", report.Figure("secretsExpiring"));
        Assert.Equal("0", report.Figure("newUsers"));
        Assert.Equal("0", report.Figure("newTenants"));

        var snapshot = report.Table("access-snapshot");
        Assert.Equal(8, snapshot.Count);
        Assert.Equal(Dormancy.Dormant30, snapshot.Single(r => r["Staff member"].StartsWith("idle40-", StringComparison.Ordinal))["Dormancy"]);
        Assert.Equal("—", snapshot.Single(r => r["Staff member"].StartsWith("suspended-", StringComparison.Ordinal))["Dormancy"]);
        var holders = report.Table("sensitive-permissions").Single(r => r["Permission"] == Permissions.FinanceManage);
        Assert.Equal("3", holders["Holders"]);
        Assert.False(report.Section("secrets").TryGetProperty("unavailable", out var unavailable) && unavailable.ValueKind == System.Text.Json.JsonValueKind.String);
        Assert.Equal(["2026-10-01", "2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26"], report.Rows("user-growth").Select(r => r[0]));
        Assert.All(report.Rows("user-growth"), week => Assert.Equal(["0", "0"], week.Skip(1)));
        Assert.Equal(2, report.Rows("incidents").Count);
    }

    [Fact]
    public async Task MonthlyReport_ShowsABrokenChain_WhenAnOctoberEventWasEdited()
    {
        await SeedOctoberAsync();
        var chain = _app.Service<StorageClients>().Table(TableAuditLog.ChainTable);
        var victim = (await chain.QueryAsync<TableEntity>().ToListAsync()).First(e => e.RowKey.StartsWith("e|2026-10-05", StringComparison.Ordinal));
        victim["Reason"] = "nothing happened";
        await chain.UpdateEntityAsync(victim, victim.ETag);

        var report = await GenerateAsync();
        Assert.Equal("BROKEN", report.Figure("auditChain"));
        Assert.StartsWith("BROKEN", report.Table("audit-chain")[0]["Result"], StringComparison.Ordinal);
        Assert.Equal(victim.GetString("EventId"), report.Table("audit-chain")[0]["First broken event"]);
    }
}

using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Infrastructure.DataProtection;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;
using PenguinMails.Functions.Hosting;
using PenguinMails.Functions.Tests.Infrastructure;
using static PenguinMails.Functions.Tests.Secrets.SecretsRequests;

namespace PenguinMails.Functions.Tests.DataProtection;

/// <summary>The daily retention run against real Azurite, with the clock moved past the retention periods.</summary>
public sealed class DataRetentionTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    [Fact]
    public async Task TheDailyRun_ArchivesOldAuditDaysWithTheirChainIntact_ThenDeletesThem_AndPurgesOldSessionsAndDeletedSecrets()
    {
        var oldDay = factory.Clock.GetUtcNow();
        var (officer, officerMember) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var (purged, kept) = (NewName(), NewName());
        await CreateAsync(officer, purged, NewValue());
        await CreateAsync(officer, kept, NewValue());
        await DeleteAsync(officer, purged);
        var audit = factory.Services.GetRequiredService<IAuditLog>();
        var oldEvents = await audit.ReadAsync(DayStart(oldDay), DayStart(oldDay).AddDays(1).AddTicks(-1)).ToListAsync();
        Assert.True(oldEvents.Count >= 3);

        factory.Clock.Advance(TimeSpan.FromDays(400));
        var (admin, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        await (await admin.PutAsJsonAsync("/api/settings/data-protection",
            new { values = new { retentionDays = new { sessions = 30, audit = 365, reports = 400, webhookPayloads = 30 } }, reason = "policy 2027" })).ReadJsonAsync();
        var log = await RunRetentionAsync();

        Assert.Contains($"audit: archived {oldEvents.Count}, deleted {oldEvents.Count}", log);
        Assert.Contains("deletedSecrets: archived 0, deleted 1", log);
        Assert.Contains("reports: archived 0, deleted 0 (no store of this class is registered in this build)", log);
        var blob = factory.Services.GetRequiredService<StorageClients>().Container(AuditRetention.ContainerName)
            .GetBlobClient(AuditRetention.SegmentBlobName(oldEvents.Select(e => e.Partition).Distinct().Single()));
        var archived = await AuditArchiveLine.ReadAllAsync((await blob.DownloadStreamingAsync()).Value.Content);
        Assert.Equal(oldEvents.Select(e => e.Id), archived.Select(e => e.Id));
        Assert.Null(AuditChain.FindFirstBroken(archived, 1, archived[0].PreviousHash));
        Assert.Equal("True", (await blob.GetPropertiesAsync()).Value.Metadata["chainvalid"]);

        Assert.Empty(await audit.ReadAsync(DayStart(oldDay), DayStart(oldDay).AddDays(1).AddTicks(-1)).ToListAsync());
        var indexed = await (await admin.GetAsync($"/api/audit?targetId={purged}")).ReadJsonAsync();
        Assert.DoesNotContain(indexed.GetProperty("items").EnumerateArray(), e => oldEvents.Any(o => o.Id == e.GetProperty("id").GetString()));
        foreach (var (from, to) in new[] { (oldDay.AddDays(-1), oldDay.AddDays(1)), (factory.Clock.GetUtcNow().AddDays(-1), factory.Clock.GetUtcNow()) })
        {
            var verify = await (await admin.GetAsync($"/api/audit/verify?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}"))
                .ReadJsonAsync();
            Assert.True(verify.GetProperty("valid").GetBoolean());
        }
        Assert.Empty(await factory.Services.GetRequiredService<ISessionStore>().ListAsync(officerMember.Id));
        Assert.DoesNotContain(await ListAllAsync(admin, "/api/admin/deleted-secrets"), i => i.GetProperty("name").GetString() == purged);
        await (await admin.GetAsync($"{Route}/{kept}")).ReadJsonAsync();
        var runs = await (await admin.GetAsync("/api/audit?action=dataprotection.retention.run")).ReadJsonAsync();
        Assert.Single(runs.GetProperty("items").EnumerateArray());
    }

    private static DateTimeOffset DayStart(DateTimeOffset time) => new(time.UtcDateTime.Date, TimeSpan.Zero);

    private async Task<string> RunRetentionAsync()
    {
        var dispatcher = factory.Services.GetRequiredService<TriggerDispatcher>();
        var invocation = await dispatcher.DispatchAsync(dispatcher.Find("DataRetention")!, """{"IsPastDue":false}""", 1, CancellationToken.None);
        return string.Join('\n', invocation.Logs);
    }
}

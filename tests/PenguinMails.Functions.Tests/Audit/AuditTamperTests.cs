using System.Net.Http.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Audit;

/// <summary>Edits, deletions and reorderings of stored audit rows are caught by GET /api/audit/verify.</summary>
public sealed class AuditTamperTests : IDisposable
{
    private readonly AdminAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(HttpClient Auditor, List<TableEntity> Rows)> SeedAsync()
    {
        var (admin, _) = await TestStaff.SignInAsync(_app, RoleCatalog.Admin);
        for (var i = 0; i < 4; i++)
        {
            (await admin.PostAsJsonAsync("/api/staff", new { email = $"a{i}-{Guid.NewGuid():N}@penguinmails.test", displayName = "A", roles = new[] { "auditor" }, reason = "hire " + i }))
                .EnsureSuccessStatusCode();
        }
        var (auditor, _) = await TestStaff.SignInAsync(_app, RoleCatalog.Auditor);
        var verify = await (await auditor.GetAsync("/api/audit/verify")).ReadJsonAsync();
        Assert.True(verify.GetProperty("valid").GetBoolean());
        Assert.Equal(4, verify.GetProperty("checked").GetInt32());
        var rows = await Chain.QueryAsync<TableEntity>(e => e.RowKey != "head").ToListAsync();
        return (auditor, rows.OrderBy(r => r.RowKey).Reverse().ToList());
    }

    private TableClient Chain => _app.Services.GetRequiredService<StorageClients>().Table(TableAuditLog.ChainTable);

    private static async Task AssertBrokenAtAsync(HttpClient auditor, string expectedEventId)
    {
        var verify = await (await auditor.GetAsync("/api/audit/verify")).ReadJsonAsync();
        Assert.False(verify.GetProperty("valid").GetBoolean());
        Assert.Equal(expectedEventId, verify.GetProperty("firstBrokenEventId").GetString());
    }

    [Fact]
    public async Task EditingAnEvent_IsDetected()
    {
        var (auditor, rows) = await SeedAsync();
        var victim = rows[1];
        victim["Reason"] = "nothing to see here";
        await Chain.UpdateEntityAsync(victim, victim.ETag);
        await AssertBrokenAtAsync(auditor, victim.GetString("EventId"));
    }

    [Fact]
    public async Task DeletingAnEvent_IsDetected()
    {
        var (auditor, rows) = await SeedAsync();
        await Chain.DeleteEntityAsync(rows[1].PartitionKey, rows[1].RowKey);
        await AssertBrokenAtAsync(auditor, rows[2].GetString("EventId"));
    }

    [Fact]
    public async Task DeletingTheNewestEvent_IsDetected()
    {
        var (auditor, rows) = await SeedAsync();
        await Chain.DeleteEntityAsync(rows[^1].PartitionKey, rows[^1].RowKey);
        await AssertBrokenAtAsync(auditor, rows[^2].GetString("EventId"));
    }

    [Fact]
    public async Task ReorderingEvents_IsDetected()
    {
        var (auditor, rows) = await SeedAsync();
        var (first, second) = (rows[1], rows[2]);
        var swappedFirst = new TableEntity(second) { PartitionKey = first.PartitionKey, RowKey = first.RowKey };
        var swappedSecond = new TableEntity(first) { PartitionKey = second.PartitionKey, RowKey = second.RowKey };
        await Chain.UpsertEntityAsync(swappedFirst, TableUpdateMode.Replace);
        await Chain.UpsertEntityAsync(swappedSecond, TableUpdateMode.Replace);
        await AssertBrokenAtAsync(auditor, second.GetString("EventId"));
    }
}

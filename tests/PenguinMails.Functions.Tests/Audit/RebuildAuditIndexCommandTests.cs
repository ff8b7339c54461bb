using Azure.Data.Tables;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Audit;

/// <summary>
/// Target index rows live in a few buckets (so a bulk operation's events batch); `rebuild-audit-index` moves rows
/// an earlier build wrote in one partition per target, which verification reports until then.
/// </summary>
public sealed class RebuildAuditIndexCommandTests
{
    [Fact]
    public async Task RowsOfTheEarlierLayout_AreReportedByVerify_AndMovedByTheCommand()
    {
        await using var app = await AuditTamperApp.StartAsync();
        var events = await app.AppendChangesAsync(3, "legacy");
        // As an earlier build wrote them: the target row in "target|<id>", keyed by time.
        foreach (var e in events)
        {
            var (bucket, key) = AuditEntityMapper.IndexKeys(e)[2];
            await app.Index.AddEntityAsync(AuditEntityMapper.ToEntity(e, "target|" + e.TargetId, AuditEntityMapper.IndexRowKey(e)));
            await app.Index.DeleteEntityAsync(bucket, key);
        }
        string[] range = ["--from", "2026-11-19T00:00:00Z", "--to", "2026-11-21T00:00:00Z"];

        var before = await app.Log.VerifyAsync(DateTimeOffset.Parse("2026-11-19T00:00:00Z"), DateTimeOffset.Parse("2026-11-21T00:00:00Z"));
        Assert.False(before.Valid);
        Assert.Equal(AuditBreakReasons.IndexMismatch, before.FirstBroken?.Reason);
        Assert.Contains(before.FirstBroken?.EventId, events.Select(e => e.Id));

        var (exit, output, error) = await AppProcess.RunAsync(app.App.StoragePrefix, ["rebuild-audit-index", .. range]);
        Assert.True(exit == 0, output + error);
        Assert.Contains("deleted 3 rows", output);

        var after = await app.Log.VerifyAsync(DateTimeOffset.Parse("2026-11-19T00:00:00Z"), DateTimeOffset.Parse("2026-11-21T00:00:00Z"));
        Assert.True(after.Valid, after.FirstBroken?.Detail);
        foreach (var e in events)
        {
            Assert.Empty(app.Index.Query<TableEntity>($"PartitionKey eq 'target|{e.TargetId}'").ToList());
            var found = await app.Log.QueryAsync(new AuditQuery(null, e.TargetId, null, null, null), PageRequest.First(10));
            Assert.Equal(e.Id, Assert.Single(found.Items).Id);
        }
        (exit, output, error) = await AppProcess.RunAsync(app.App.StoragePrefix, ["rebuild-audit-index", .. range]);
        Assert.True(exit == 0, output + error);
        Assert.Contains("deleted 0 rows", output);
    }

    [Fact]
    public async Task ATargetsEvents_AreItsOwn_EvenWhenAnotherTargetIdStartsWithIt()
    {
        await using var app = await AuditTamperApp.StartAsync();
        var shorter = await app.Log.AppendAsync(new AuditEntry(PenguinMails.Admin.Security.Actor.System("t"), "settings.update", "setting", "abc"));
        var longer = await app.Log.AppendAsync(new AuditEntry(PenguinMails.Admin.Security.Actor.System("t"), "settings.update", "setting", "abc|d"));

        var found = await app.Log.QueryAsync(new AuditQuery(null, "abc", null, null, null), PageRequest.First(10));

        Assert.Equal(shorter.Id, Assert.Single(found.Items).Id);
        Assert.Equal(longer.Id, Assert.Single((await app.Log.QueryAsync(new AuditQuery(null, "abc|d", null, null, null), PageRequest.First(10))).Items).Id);
    }

    [Fact]
    public async Task WithoutAStart_TheCommandSaysHowToCallIt()
    {
        var (exit, _, error) = await AppProcess.RunAsync("nostart", "rebuild-audit-index");
        Assert.Equal(2, exit);
        Assert.Contains("usage: rebuild-audit-index --from", error);
    }
}

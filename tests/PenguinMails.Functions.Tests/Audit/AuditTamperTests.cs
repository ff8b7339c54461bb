using Azure.Data.Tables;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Audit;

/// <summary>
/// Tampering done directly in Table storage, after 20 changes and a signed digest, is caught by GET /api/audit/verify,
/// with the reason and the first broken event. Covers the table and the tampers caught before it.
/// </summary>
public sealed class AuditTamperTests
{
    private static async Task<(AuditTamperApp App, List<AuditEvent> Events)> SeedAsync()
    {
        var app = await AuditTamperApp.StartAsync();
        var events = await app.AppendChangesAsync(20);
        await app.WriteDigestAsync();
        var verify = await app.VerifyAsync();
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
        Assert.True(verify.GetProperty("checked").GetInt32() >= 20);
        Assert.Equal(1, verify.GetProperty("digests").GetInt32());
        return (app, events);
    }

    private static async Task AssertBrokenAsync(AuditTamperApp app, string reason, string? eventId)
    {
        var verify = await app.VerifyAsync();
        Assert.False(verify.GetProperty("valid").GetBoolean(), verify.ToString());
        Assert.Equal(reason, verify.GetProperty("firstBroken").GetProperty("reason").GetString());
        if (eventId is not null)
        {
            Assert.Equal(eventId, verify.GetProperty("firstBrokenEventId").GetString());
        }
    }

    [Fact]
    public async Task EditingAnEvent_IsAnEditedEvent()
    {
        var (app, events) = await SeedAsync();
        await using var _ = app;
        var victim = await app.RowOfAsync(events[5]);
        victim["Reason"] = "nothing to see here";
        await app.Chain.UpdateEntityAsync(victim, victim.ETag);
        await AssertBrokenAsync(app, AuditBreakReasons.EditedEvent, events[5].Id);
    }

    [Fact]
    public async Task DeletingAnEventInTheMiddle_IsAMissingEventAtItsSuccessor()
    {
        var (app, events) = await SeedAsync();
        await using var _ = app;
        var victim = await app.RowOfAsync(events[5]);
        await app.Chain.DeleteEntityAsync(victim.PartitionKey, victim.RowKey);
        await AssertBrokenAsync(app, AuditBreakReasons.MissingEvent, events[6].Id);
    }

    [Fact]
    public async Task DeletingTheNewestEvent_IsDetectedByTheHead()
    {
        var (app, events) = await SeedAsync();
        await using var _ = app;
        var victim = await app.RowOfAsync(events[^1]);
        await app.Chain.DeleteEntityAsync(victim.PartitionKey, victim.RowKey);
        await AssertBrokenAsync(app, AuditBreakReasons.MissingEvent, events[^2].Id);
    }

    [Fact]
    public async Task SwappingTwoEvents_IsDetected()
    {
        var (app, events) = await SeedAsync();
        await using var _ = app;
        var (first, second) = (await app.RowOfAsync(events[5]), await app.RowOfAsync(events[6]));
        await app.Chain.UpsertEntityAsync(new TableEntity(second) { PartitionKey = first.PartitionKey, RowKey = first.RowKey }, TableUpdateMode.Replace);
        await app.Chain.UpsertEntityAsync(new TableEntity(first) { PartitionKey = second.PartitionKey, RowKey = second.RowKey }, TableUpdateMode.Replace);
        await AssertBrokenAsync(app, AuditBreakReasons.MissingEvent, events[6].Id);
    }

    [Fact]
    public async Task DeletingTheNewestEvent_AndMovingTheHeadBack_IsCaughtByTheSignedDigest()
    {
        var (app, events) = await SeedAsync();
        await using var _ = app;
        var newest = await app.RowOfAsync(events[^1]);
        var previous = await app.RowOfAsync(events[^2]);
        await app.Chain.DeleteEntityAsync(newest.PartitionKey, newest.RowKey);
        var head = (await app.Chain.GetEntityAsync<TableEntity>(newest.PartitionKey, "head")).Value;
        head["Sequence"] = previous.GetInt64("Sequence");
        head["Hash"] = previous.GetString("Hash");
        await app.Chain.UpdateEntityAsync(head, head.ETag);
        await AssertBrokenAsync(app, AuditBreakReasons.MissingEvent, null);
    }

    [Fact]
    public async Task EditingAnEvent_AndRecomputingEveryLaterHashAndTheHead_IsCaughtByTheSignedDigest()
    {
        var (app, events) = await SeedAsync();
        await using var _ = app;
        var rows = new List<TableEntity>();
        foreach (var e in events.Skip(5))
        {
            rows.Add(await app.RowOfAsync(e));
        }
        var previousHash = rows[0].GetString("PreviousHash");
        foreach (var row in rows)
        {
            var e = AuditEntityMapper.ToEvent(row);
            e = e with { ActorEmail = row == rows[0] ? "someone-else@penguinmails.test" : e.ActorEmail, PreviousHash = previousHash };
            e = e with { Hash = AuditChain.ComputeHash(e) };
            await app.Chain.UpsertEntityAsync(AuditEntityMapper.ToEntity(e, row.PartitionKey, row.RowKey), TableUpdateMode.Replace);
            previousHash = e.Hash;
        }
        var head = (await app.Chain.GetEntityAsync<TableEntity>(rows[0].PartitionKey, "head")).Value;
        head["Hash"] = previousHash;
        await app.Chain.UpdateEntityAsync(head, head.ETag);
        await AssertBrokenAsync(app, AuditBreakReasons.EditedEvent, events[^1].Id);
    }

    [Fact]
    public async Task DeletingAWholeSegment_EveryRowAndTheHead_IsAMissingSegment()
    {
        var (app, events) = await SeedAsync();
        await using var _ = app;
        var lane = (await app.RowOfAsync(events[0])).PartitionKey;
        foreach (var row in await app.Chain.QueryAsync<TableEntity>(r => r.PartitionKey == lane).ToListAsync())
        {
            await app.Chain.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }
        var verify = await app.VerifyAsync();
        Assert.False(verify.GetProperty("valid").GetBoolean());
        Assert.Equal(AuditBreakReasons.MissingSegment, verify.GetProperty("firstBroken").GetProperty("reason").GetString());
        Assert.Equal(events[0].Partition, verify.GetProperty("firstBroken").GetProperty("segment").GetString());
    }

    [Fact]
    public async Task EditingTheIndexCopyTheViewerShows_IsAnIndexMismatch()
    {
        var (app, events) = await SeedAsync();
        await using var _ = app;
        var copy = (await app.Index.QueryAsync<TableEntity>(r => r.PartitionKey == "all").ToListAsync()).Single(r => r.GetString("EventId") == events[3].Id);
        copy["ActorEmail"] = "framed@penguinmails.test";
        await app.Index.UpdateEntityAsync(copy, copy.ETag);

        var listed = await (await app.Auditor.GetAsync("/api/audit?action=settings.update&pageSize=500")).ReadJsonAsync();
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), e => e.GetProperty("actorEmail").GetString() == "framed@penguinmails.test");
        await AssertBrokenAsync(app, AuditBreakReasons.IndexMismatch, events[3].Id);
    }
}

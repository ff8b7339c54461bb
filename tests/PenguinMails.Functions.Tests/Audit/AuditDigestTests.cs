using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Functions.Tests.Audit;

/// <summary>Segments that continue each other across hours, digests on close and on the timer, and digests that are forged or missing.</summary>
public sealed class AuditDigestTests
{
    private static AppendBlobClient DigestBlob(AuditTamperApp app) => app.App.Services.GetRequiredService<StorageClients>()
        .Container(BlobAuditDigestStore.Container).GetAppendBlobClient(BlobAuditDigestStore.BlobName(DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime)));

    private static async Task<List<AuditDigestLine>> DigestsAsync(AuditTamperApp app) =>
        (await DigestBlob(app).DownloadContentAsync()).Value.Content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(AuditDigestLine.Parse).ToList();

    private static string Reason(System.Text.Json.JsonElement verify) => verify.GetProperty("firstBroken").GetProperty("reason").GetString()!;

    [Fact]
    public async Task ANewHour_StartsFromThePreviousSegmentsFinalHash_AndClosingItAsksForADigestThatListsIt()
    {
        await using var app = await AuditTamperApp.StartAsync();
        var first = await app.AppendChangesAsync(3, "ten");
        app.Clock.Advance(TimeSpan.FromHours(1));
        var second = await app.AppendChangesAsync(3, "eleven");

        Assert.NotEqual(first[^1].Partition, second[0].Partition);
        Assert.Equal(1, second[0].Sequence);
        Assert.Equal(first[^1].Hash, second[0].PreviousHash);
        var message = (await app.App.Services.GetRequiredService<StorageClients>().Queue(AuditDigestQueue.Name).ReceiveMessageAsync()).Value;
        Assert.Equal(first[^1].Partition, AuditDigestQueue.Parse(message.MessageText).ClosedSegment);

        Assert.Contains("(segment-closed)", await app.RunFunctionAsync("AuditSegmentClosed", message.MessageText));
        var digest = Assert.Single(await DigestsAsync(app));
        var closed = Assert.Single(digest.Segments, s => s.Segment == first[^1].Partition);
        Assert.True(closed.Closed);
        Assert.Equal((first[^1].Sequence, first[^1].Hash), (closed.LastSequence, closed.LastHash));
        Assert.Contains(digest.Segments, s => s.Segment == second[^1].Partition && !s.Closed && s.LastHash == second[^1].Hash);

        var verify = await app.VerifyAsync();
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
        Assert.True(verify.GetProperty("segments").GetInt32() >= 2);
        Assert.Equal(1, verify.GetProperty("digests").GetInt32());
    }

    [Fact]
    public async Task DeletingAnEarlierSegment_ItsEventsAndSeal_BreaksTheLinkToTheNextOne()
    {
        await using var app = await AuditTamperApp.StartAsync();
        var first = await app.AppendChangesAsync(3, "ten");
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.AppendChangesAsync(3, "eleven");
        var lane = (await app.RowOfAsync(first[0])).PartitionKey;
        var hour = first[0].Partition[..13];
        foreach (var row in (await app.Chain.QueryAsync<TableEntity>(r => r.PartitionKey == lane).ToListAsync())
                 .Where(r => r.RowKey.StartsWith("e|" + hour, StringComparison.Ordinal) || r.RowKey == "s|" + hour))
        {
            await app.Chain.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }
        var verify = await app.VerifyAsync();
        Assert.False(verify.GetProperty("valid").GetBoolean());
        Assert.Equal(AuditBreakReasons.MissingSegment, Reason(verify));
    }

    [Fact]
    public async Task ADigestSignedWithAnotherKey_IsRejected()
    {
        await using var app = await AuditTamperApp.StartAsync();
        await app.AppendChangesAsync(5);
        await app.WriteDigestAsync();
        var genuine = Assert.Single(await DigestsAsync(app));
        // A forger with storage access but not the vault: a well-formed next digest, signed with a key of their own.
        var forged = new AuditDigest(2, AuditDigest.FormatTime(app.Clock.GetUtcNow()), "interval", genuine.Hash, genuine.Segments, genuine.KeyId, "");
        forged = forged with { Signature = Convert.ToHexStringLower(HMACSHA256.HashData(RandomNumberGenerator.GetBytes(32), Encoding.UTF8.GetBytes(forged.Canonical()))) };
        await DigestBlob(app).AppendBlockAsync(new MemoryStream(Encoding.UTF8.GetBytes(AuditDigestLine.From(forged).Serialize() + "\n")));

        var verify = await app.VerifyAsync();
        Assert.False(verify.GetProperty("valid").GetBoolean());
        Assert.Equal(AuditBreakReasons.DigestSignatureBad, Reason(verify));
        Assert.Equal(2, verify.GetProperty("digests").GetInt32());
    }

    [Fact]
    public async Task RemovingADigestFromTheMiddle_BreaksTheDigestChain()
    {
        await using var app = await AuditTamperApp.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await app.AppendChangesAsync(2, "round" + i);
            await app.WriteDigestAsync();
        }
        var digests = await DigestsAsync(app);
        Assert.Equal([1L, 2L, 3L], digests.Select(d => d.Sequence));
        Assert.Equal(digests[0].Hash, digests[1].PreviousDigestHash);
        var blob = DigestBlob(app);
        await blob.DeleteAsync();
        await blob.CreateAsync();
        await blob.AppendBlockAsync(new MemoryStream(Encoding.UTF8.GetBytes(digests[0].Serialize() + "\n" + digests[2].Serialize() + "\n")));

        var verify = await app.VerifyAsync();
        Assert.False(verify.GetProperty("valid").GetBoolean());
        Assert.Equal(AuditBreakReasons.DigestChainBroken, Reason(verify));
    }
}

using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.DataProtection;

/// <summary>A run that archived a day and then stopped: the next run checks the archive, keeps it as it is, and finishes.</summary>
public sealed class InterruptedAuditRetentionTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    [Fact]
    public async Task AnArchiveLeftByAnInterruptedRun_IsCheckedNotRewritten_AndTheDeletionFinishes()
    {
        var (partition, events) = await AuditArchiveFixture.WriteADayOfEventsAsync(factory);
        await AuditArchiveFixture.UploadArchiveAsync(factory, partition, events);
        var etag = (await AuditArchiveFixture.Archive(factory, partition).GetPropertiesAsync()).Value.ETag;

        await AuditArchiveFixture.RunRetentionAYearLaterAsync(factory);

        Assert.Equal(etag, (await AuditArchiveFixture.Archive(factory, partition).GetPropertiesAsync()).Value.ETag);
        Assert.Empty(await AuditArchiveFixture.EventsOfAsync(factory, partition));
    }
}

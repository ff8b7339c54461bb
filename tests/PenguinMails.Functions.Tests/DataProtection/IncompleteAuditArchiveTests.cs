using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.DataProtection;

/// <summary>An archive that lacks an event stops the deletion of that day: nothing is deleted that isn't archived.</summary>
public sealed class IncompleteAuditArchiveTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    [Fact]
    public async Task AnArchiveMissingAnEvent_FailsTheRun_AndDeletesNothingOfThatDay()
    {
        var (partition, events) = await AuditArchiveFixture.WriteADayOfEventsAsync(factory);
        await AuditArchiveFixture.UploadArchiveAsync(factory, partition, events.SkipLast(1));

        await Assert.ThrowsAsync<AggregateException>(() => AuditArchiveFixture.RunRetentionAYearLaterAsync(factory));

        Assert.Equal(events.Select(e => e.Id), (await AuditArchiveFixture.EventsOfAsync(factory, partition)).Select(e => e.Id));
    }
}

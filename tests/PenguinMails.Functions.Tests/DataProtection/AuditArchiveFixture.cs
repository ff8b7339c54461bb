using System.Net.Http.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Infrastructure.DataProtection;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Hosting;
using PenguinMails.Functions.Tests.Infrastructure;
using static PenguinMails.Functions.Tests.Secrets.SecretsRequests;

namespace PenguinMails.Functions.Tests.DataProtection;

/// <summary>Shared steps of the audit retention tests: a day of audit events, its archive blob, and a retention run a year later.</summary>
public static class AuditArchiveFixture
{
    public static async Task<(string Partition, List<AuditEvent> Events)> WriteADayOfEventsAsync(ClockedAppFactory factory)
    {
        var day = factory.Clock.GetUtcNow();
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        for (var i = 0; i < 3; i++)
        {
            await CreateAsync(client, NewName(), NewValue());
        }
        var start = new DateTimeOffset(day.UtcDateTime.Date, TimeSpan.Zero);
        var events = await factory.Services.GetRequiredService<IAuditLog>().ReadAsync(start, start.AddDays(1).AddTicks(-1)).ToListAsync();
        // One writer on a fixed clock appends to one lane's segment of that hour.
        return (events.Select(e => e.Partition).Distinct().Single(), events);
    }

    public static BlobClient Archive(ClockedAppFactory factory, string partition) =>
        factory.Services.GetRequiredService<StorageClients>().Container(AuditRetention.ContainerName).GetBlobClient(AuditRetention.SegmentBlobName(partition));

    public static async Task UploadArchiveAsync(ClockedAppFactory factory, string partition, IEnumerable<AuditEvent> events) =>
        await Archive(factory, partition).UploadAsync(BinaryData.FromString(string.Concat(events.Select(e => AuditArchiveLine.From(e).Serialize() + "\n"))));

    /// <summary>Moves a little over a year on, sets audit retention to a year, and runs the retention timer.</summary>
    public static async Task RunRetentionAYearLaterAsync(ClockedAppFactory factory)
    {
        factory.Clock.Advance(TimeSpan.FromDays(400));
        var (admin, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        await (await admin.PutAsJsonAsync("/api/settings/data-protection",
            new { values = new { retentionDays = new { sessions = 30, audit = 365, reports = 400, webhookPayloads = 30 } } })).ReadJsonAsync();
        var dispatcher = factory.Services.GetRequiredService<TriggerDispatcher>();
        await dispatcher.DispatchAsync(dispatcher.Find("DataRetention")!, """{"IsPastDue":false}""", 1, CancellationToken.None);
    }

    public static async Task<List<AuditEvent>> EventsOfAsync(ClockedAppFactory factory, string partition)
    {
        var start = DateTimeOffset.Parse(partition[..10] + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        return await factory.Services.GetRequiredService<IAuditLog>().ReadAsync(start, start.AddDays(1).AddTicks(-1)).ToListAsync();
    }
}

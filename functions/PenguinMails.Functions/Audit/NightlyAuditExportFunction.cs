using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Audit;

/// <summary>
/// Nightly at 00:30 UTC: writes the previous UTC day's audit events as JSON Lines to Blob storage for the OLAP
/// <c>admin_audit_log</c> ingestion. Half an hour after midnight, the day's last appends have long landed.
/// </summary>
public sealed class NightlyAuditExportFunction(BlobAuditArchive archive, TimeProvider time) : ITriggeredFunction
{
    public const string Name = "NightlyAuditExport";
    public const string Schedule = "0 30 0 * * *";

    public async Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-1);
        var (blob, events) = await archive.ExportDayAsync(day, cancellationToken);
        invocation.Logs.Add($"Exported {events} audit events of {day:yyyy-MM-dd} to {blob}.");
    }
}

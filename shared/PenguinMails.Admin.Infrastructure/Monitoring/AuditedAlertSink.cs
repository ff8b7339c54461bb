using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Monitoring;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Infrastructure.Monitoring;

/// <summary>
/// Raises a monitoring alert the way security alerts are raised: an alert row (newest first per month), an audit
/// event <c>monitoring.alert</c> by the system actor, and <c>MonitoringAlertRaised</c> on <c>monitoring-alerts</c>.
/// The row records which steps completed.
/// </summary>
public sealed class AuditedAlertSink(StorageClients storage, IAuditLog audit, IIntegrationEventBus bus, TimeProvider time) : IAlertSink
{
    public const string TableName = "MonitoringAlerts";
    public const string AuditAction = "monitoring.alert";

    public async Task RaiseAsync(MonitoringAlert alert, CancellationToken cancellationToken = default)
    {
        var raisedAt = time.GetUtcNow();
        var id = Guid.NewGuid().ToString("N");
        var payload = new
        {
            AlertId = id, alert.Type, Severity = alert.Severity.ToString().ToLowerInvariant(), alert.Summary, Source = MonitoringAlert.Source,
            alert.OccurredAt, RaisedAt = raisedAt, alert.DeduplicationKey, alert.Details,
        };
        var table = storage.Table(TableName);
        var row = new TableEntity(raisedAt.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture),
            (DateTimeOffset.MaxValue.UtcTicks - raisedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + id)
        {
            ["AlertId"] = id,
            ["Type"] = alert.Type,
            ["Severity"] = payload.Severity,
            ["Summary"] = alert.Summary,
            ["OccurredAt"] = alert.OccurredAt,
            ["DeduplicationKey"] = alert.DeduplicationKey,
            ["Details"] = JsonSerializer.Serialize(alert.Details, JsonSerializerOptions.Web),
            ["Published"] = false,
        };
        await table.AddEntityAsync(row, cancellationToken);
        var recorded = await audit.AppendAsync(new AuditEntry(Actor.System(MonitoringAlert.Source), AuditAction, "alert", id,
            After: AuditEntry.Snapshot(payload)), cancellationToken);
        await bus.PublishAsync(EventDestinations.MonitoringAlerts, IntegrationEvent.Create(MonitoringAlert.EventType, payload, raisedAt),
            cancellationToken);
        await table.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["AuditEventId"] = recorded.Id, ["Published"] = true },
            Azure.ETag.All, TableUpdateMode.Merge, cancellationToken);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Alerts;

/// <summary>
/// The one path every alert takes, whoever detects it (the sign-in monitor here, operational monitoring later):
/// store it once, audit it, publish <c>SecurityAlertRaised</c> to <see cref="EventDestinations.SecurityAlerts"/> (with the
/// draft's recipients, for the mail platform to notify).
/// Each step is recorded on the alert, so raising it again (a retry, a concurrent detector) finishes what is missing
/// and never duplicates what was done.
/// </summary>
public sealed class AlertService(IAlertStore store, IAuditLog audit, IIntegrationEventBus bus, TimeProvider time)
{
    public const string AuditAction = AuditActions.SecurityAlert;
    public const string EventType = "SecurityAlertRaised";

    public Task<Page<SecurityAlert>> ListAsync(AlertQuery query, PageRequest page, CancellationToken cancellationToken = default) =>
        store.ListAsync(query, page, cancellationToken);

    /// <summary>Raises the alert once per id; returns the stored alert and whether this call created it.</summary>
    public async Task<RaisedAlert> RaiseAsync(AlertDraft draft, CancellationToken cancellationToken = default)
    {
        new Validator().Require("source", draft.Source, 100).Require("type", draft.Type, 100).Require("summary", draft.Summary, 500)
            .Require("deduplicationKey", draft.DeduplicationKey, 500).ThrowIfInvalid();
        var ((alert, etag), created) = await store.AddIfAbsentAsync(draft.ToAlert(time.GetUtcNow()), cancellationToken);
        try
        {
            if (alert.AuditEventId is null)
            {
                var recorded = await audit.AppendAsync(new AuditEntry(Actor.System(alert.Source), AuditAction, "alert", alert.Id,
                    After: AuditEntry.Snapshot(Payload(alert))), cancellationToken);
                alert = alert with { AuditEventId = recorded.Id };
                etag = await store.UpdateAsync(alert, etag, cancellationToken);
            }
            if (!alert.Published)
            {
                await bus.PublishAsync(EventDestinations.SecurityAlerts, IntegrationEvent.Create(EventType, Published(alert, draft.Recipients), alert.RaisedAt),
                    cancellationToken);
                alert = alert with { Published = true };
                await store.UpdateAsync(alert, etag, cancellationToken);
            }
            return new RaisedAlert(alert, created);
        }
        catch (AdminException e) when (e.Status == 412)
        {
            // A concurrent raise of the same alert got there first; it finishes the steps, and so does any later retry.
            return new RaisedAlert((await store.GetAsync(alert.Id, alert.CreatedAt, cancellationToken))?.Value ?? alert, created);
        }
    }

    /// <summary>The event's data: the alert as audited, plus <c>recipients</c> (always present, maybe empty) for the mail platform.</summary>
    private static JsonObject Published(SecurityAlert alert, IReadOnlyList<string>? recipients)
    {
        var data = JsonSerializer.SerializeToNode(Payload(alert), JsonSerializerOptions.Web)!.AsObject();
        data["recipients"] = JsonSerializer.SerializeToNode(recipients ?? [], JsonSerializerOptions.Web);
        return data;
    }

    private static object Payload(SecurityAlert a) => new
    {
        AlertId = a.Id, a.Type, Severity = a.Severity.ToString().ToLowerInvariant(), a.Summary, a.Source, a.CreatedAt, a.Subject, a.ActorId,
        a.IpAddress, a.EventIds,
    };
}

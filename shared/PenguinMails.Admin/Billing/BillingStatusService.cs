using PenguinMails.Admin.Audit;

namespace PenguinMails.Admin.Billing;

/// <summary>Consumes <see cref="TenantStatusChanged"/>: sets the tenant's status and audits it with Stripe as the actor.</summary>
public sealed class BillingStatusService(ITenantBillingDirectory directory, IAuditLog audit)
{
    public async Task<BillingStatusChange> ApplyAsync(TenantStatusChanged change, string? correlationId, CancellationToken cancellationToken = default)
    {
        if (!Enum.TryParse<TenantBillingStatus>(change.Status, ignoreCase: true, out var status))
        {
            throw new FormatException($"'{change.Status}' is not a billing status.");
        }
        var result = await directory.SetStatusFromBillingAsync(change.TenantId, status, change.OccurredAt, change.StripeEventId, cancellationToken);
        if (result.Applied && result.Previous != result.Current)
        {
            await audit.AppendAsync(new AuditEntry(BillingActors.Stripe(correlationId), "tenant.status.billing", "tenant", change.TenantId,
                AuditEntry.Snapshot(new { Status = result.Previous?.ToString().ToLowerInvariant() }),
                AuditEntry.Snapshot(new { Status = status.ToString().ToLowerInvariant(), change.SubscriptionId }),
                $"Stripe event {change.StripeEventId}"), cancellationToken);
        }
        return result;
    }
}

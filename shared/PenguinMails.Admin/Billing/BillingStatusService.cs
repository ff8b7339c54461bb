using PenguinMails.Admin.Common;
using PenguinMails.Admin.Tenants;

namespace PenguinMails.Admin.Billing;

/// <summary>
/// Consumes <see cref="BillingStatusReported"/>: asks the Tenants feature, which owns the status, to move the tenant, with
/// Stripe as the actor (Tenants audits <c>tenants.status.billing</c> and publishes <c>TenantStatusChanged</c>, once).
/// Billing keeps only the last Stripe event it applied, so an older or repeated report changes nothing.
/// </summary>
public sealed class BillingStatusService(ITenantBillingDirectory directory, TenantService tenants)
{
    public async Task<BillingStatusChange> ApplyAsync(BillingStatusReported report, string? correlationId, CancellationToken cancellationToken = default)
    {
        if (!Enum.TryParse<TenantBillingStatus>(report.Status, ignoreCase: true, out var status))
        {
            throw new FormatException($"'{report.Status}' is not a billing status.");
        }
        var account = await directory.GetAsync(report.TenantId, cancellationToken);
        if (account is null)
        {
            return new BillingStatusChange(false, $"Tenant {report.TenantId} has no billing account; nothing to change.");
        }
        if (account.HasApplied(report.StripeEventId, report.OccurredAt))
        {
            return new BillingStatusChange(false, $"{report.StripeEventId} is a repeat, or older than {account.LastEventId}; unchanged.");
        }
        var outcome = await MoveTenantAsync(report, Map(status), correlationId, cancellationToken);
        // Recorded after the move: if the process dies in between, the retry finds the status already set and moves nothing.
        await directory.RecordAppliedEventAsync(report.TenantId, report.OccurredAt, report.StripeEventId, cancellationToken);
        return outcome;
    }

    private async Task<BillingStatusChange> MoveTenantAsync(BillingStatusReported report, TenantStatus status, string? correlationId,
        CancellationToken cancellationToken)
    {
        try
        {
            var (_, changed) = await tenants.SetStatusFromBillingAsync(BillingActors.Stripe(correlationId), report.TenantId, status,
                $"Stripe event {report.StripeEventId}", cancellationToken);
            return new BillingStatusChange(changed, changed ? $"Tenant {report.TenantId} is now {report.Status}." : $"Tenant {report.TenantId} was already {report.Status}.");
        }
        catch (AdminException e) when (e.Status is 404 or 409)
        {
            // Billing may not make this move (e.g. lift a staff suspension), or Tenants doesn't hold the tenant: a decision, not a fault.
            return new BillingStatusChange(false, $"Tenant {report.TenantId} not moved to {report.Status}: {e.Detail}");
        }
    }

    private static TenantStatus Map(TenantBillingStatus status) => status switch
    {
        TenantBillingStatus.Active => TenantStatus.Active,
        TenantBillingStatus.Paused => TenantStatus.Paused,
        _ => TenantStatus.Closed,
    };
}

using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;

namespace PenguinMails.Admin.Tenants;

/// <summary>
/// Tenant onboarding and configuration. Every status change goes through <see cref="TenantStatusMachine"/>,
/// is audited, and publishes <c>TenantStatusChanged</c> to <see cref="EventDestinations.TenantEvents"/>.
/// </summary>
public sealed class TenantService(ITenantStore store, IAuditLog audit, IIntegrationEventBus bus, TimeProvider time)
{
    public async Task<Versioned<Tenant>> CreateAsync(Actor actor, string? name, string? primaryDomain, string? plan, string? ownerEmail, string? reason,
        CancellationToken cancellationToken = default)
    {
        new Validator().Require("name", name, 200).Domain("primaryDomain", primaryDomain).Plan("plan", plan).Email("ownerEmail", ownerEmail).ThrowIfInvalid();
        var why = Reason.Optional(reason);
        var now = time.GetUtcNow();
        var owner = ownerEmail!.Trim().ToLowerInvariant();
        var tenant = new Tenant(SessionTokens.NewId(), name!.Trim(), primaryDomain!.Trim().ToLowerInvariant(), plan!.Trim(), owner, TenantStatus.Pending,
            TenantSettings.Default, TenantBilling.For(owner), CommunicationPreferences.For(owner), now, now);
        var created = await store.CreateAsync(tenant, cancellationToken);
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.TenantsCreate, "tenant", tenant.Id, After: AuditEntry.Snapshot(tenant), Reason: why), cancellationToken);
        return created;
    }

    public async Task<Versioned<Tenant>> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await store.GetAsync(id, cancellationToken) ?? throw AdminException.NotFound("Tenant", id);

    public Task<Page<Tenant>> ListAsync(TenantFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        store.ListAsync(filter, page, cancellationToken);

    public async Task<Versioned<Tenant>> UpdateAsync(Actor actor, string id, TenantPatch patch, string? ifMatch, string? reason,
        CancellationToken cancellationToken = default)
    {
        var validator = new Validator();
        if (patch.Name is not null) validator.Require("name", patch.Name, 200);
        if (patch.PrimaryDomain is not null) validator.Domain("primaryDomain", patch.PrimaryDomain);
        if (patch.Plan is not null) validator.Plan("plan", patch.Plan);
        validator.OptionalEmail("ownerEmail", patch.OwnerEmail).ThrowIfInvalid();
        var current = await GetAsync(id, cancellationToken);
        ETags.EnsureMatches(ifMatch, current.ETag);
        var before = current.Value;
        var statusChanges = patch.Status is { } status && status != before.Status;
        var why = statusChanges ? Reason.Required(reason) : Reason.Optional(reason);
        var after = before with
        {
            Name = patch.Name?.Trim() ?? before.Name,
            PrimaryDomain = patch.PrimaryDomain?.Trim().ToLowerInvariant() ?? before.PrimaryDomain,
            Plan = patch.Plan?.Trim() ?? before.Plan,
            OwnerEmail = patch.OwnerEmail?.Trim().ToLowerInvariant() ?? before.OwnerEmail,
            Status = patch.Status ?? before.Status,
        };
        if (after == before)
        {
            return current;
        }
        if (statusChanges)
        {
            TenantStatusMachine.Ensure(before.Status, after.Status, TenantStatusTrigger.Staff);
        }
        else
        {
            EnsureOpen(before);
        }
        after = after with { UpdatedAt = time.GetUtcNow() };
        var updated = await store.UpdateAsync(before, after, current.ETag, cancellationToken);
        if (statusChanges)
        {
            await PublishStatusChangeAsync(actor, before, after, TenantStatusTrigger.Staff, why, cancellationToken);
        }
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.TenantsUpdate, "tenant", id, AuditEntry.Snapshot(Basics(before)), AuditEntry.Snapshot(Basics(after)), why),
            cancellationToken);
        return updated;
    }

    public Task<Versioned<Tenant>> ApproveAsync(Actor actor, string id, string? reason, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(actor, id, TenantStatus.Active, TenantStatusTrigger.Approve, Reason.Optional(reason), AuditActions.TenantsApprove, cancellationToken);

    public Task<Versioned<Tenant>> RejectAsync(Actor actor, string id, string? reason, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(actor, id, TenantStatus.Rejected, TenantStatusTrigger.Reject, Reason.Required(reason), AuditActions.TenantsReject, cancellationToken);

    /// <summary>
    /// For the billing system (a system actor such as <c>Actor.System("stripe")</c>): pause, resume or close a tenant.
    /// Idempotent: asking for the status the tenant already has changes nothing and returns <c>Changed = false</c>.
    /// A move billing may not make (for example resuming a tenant staff suspended) throws 409 <c>invalid_transition</c>.
    /// </summary>
    public async Task<(Versioned<Tenant> Tenant, bool Changed)> SetStatusFromBillingAsync(Actor actor, string tenantId, TenantStatus status, string reason,
        CancellationToken cancellationToken = default)
    {
        // A staff edit that lands between our read and write makes us re-read and decide again.
        return await OptimisticConcurrency.RetryAsync(async ct =>
        {
            var current = await GetAsync(tenantId, ct);
            if (current.Value.Status == status)
            {
                return (current, false);
            }
            var updated = await ChangeStatusAsync(actor, current, status, TenantStatusTrigger.Billing, Reason.Required(reason), AuditActions.TenantsStatusBilling, ct);
            return (updated, true);
        }, OptimisticConcurrency.IsStaleWrite, "The tenant kept changing while billing set its status; the change is retried.", cancellationToken);
    }

    public Task<Versioned<Tenant>> UpdateSettingsAsync(Actor actor, string id, TenantSettings settings, string? ifMatch, string? reason,
        CancellationToken cancellationToken = default)
    {
        TenantRules.Validate(settings);
        return UpdatePartAsync(actor, id, t => t with { Settings = settings }, t => t.Settings, AuditActions.TenantsSettingsUpdate, ifMatch, reason, cancellationToken);
    }

    public Task<Versioned<Tenant>> UpdateBillingAsync(Actor actor, string id, TenantBilling billing, string? ifMatch, string? reason,
        CancellationToken cancellationToken = default)
    {
        var normalized = billing with { Currency = billing.Currency?.Trim().ToLowerInvariant() ?? "", BillingEmail = billing.BillingEmail?.Trim().ToLowerInvariant() };
        TenantRules.Validate(normalized);
        return UpdatePartAsync(actor, id, t => t with { Billing = normalized }, t => t.Billing, AuditActions.TenantsBillingUpdate, ifMatch, reason, cancellationToken);
    }

    public Task<Versioned<Tenant>> UpdateCommunicationPreferencesAsync(Actor actor, string id, CommunicationPreferences preferences, string? ifMatch,
        string? reason, CancellationToken cancellationToken = default)
    {
        var normalized = preferences with { ContactEmail = preferences.ContactEmail?.Trim().ToLowerInvariant() };
        TenantRules.Validate(normalized);
        return UpdatePartAsync(actor, id, t => t with { CommunicationPreferences = normalized }, t => t.CommunicationPreferences,
            AuditActions.TenantsCommunicationPreferencesUpdate, ifMatch, reason, cancellationToken);
    }

    private async Task<Versioned<Tenant>> UpdatePartAsync<T>(Actor actor, string id, Func<Tenant, Tenant> change, Func<Tenant, T> part, string action,
        string? ifMatch, string? reason, CancellationToken cancellationToken)
    {
        var why = Reason.Optional(reason);
        var current = await GetAsync(id, cancellationToken);
        ETags.EnsureMatches(ifMatch, current.ETag);
        EnsureOpen(current.Value);
        var after = change(current.Value);
        if (after == current.Value)
        {
            return current;
        }
        var updated = await store.UpdateAsync(current.Value, after with { UpdatedAt = time.GetUtcNow() }, current.ETag, cancellationToken);
        await audit.AppendAsync(new AuditEntry(actor, action, "tenant", id, AuditEntry.Snapshot(part(current.Value)), AuditEntry.Snapshot(part(after)), why),
            cancellationToken);
        return updated;
    }

    private async Task<Versioned<Tenant>> ChangeStatusAsync(Actor actor, string id, TenantStatus to, TenantStatusTrigger trigger, string? reason, string action,
        CancellationToken cancellationToken) =>
        await ChangeStatusAsync(actor, await GetAsync(id, cancellationToken), to, trigger, reason, action, cancellationToken);

    private async Task<Versioned<Tenant>> ChangeStatusAsync(Actor actor, Versioned<Tenant> current, TenantStatus to, TenantStatusTrigger trigger,
        string? reason, string action, CancellationToken cancellationToken)
    {
        var before = current.Value;
        TenantStatusMachine.Ensure(before.Status, to, trigger);
        var after = before with { Status = to, UpdatedAt = time.GetUtcNow() };
        var updated = await store.UpdateAsync(before, after, current.ETag, cancellationToken);
        await PublishStatusChangeAsync(actor, before, after, trigger, reason, cancellationToken);
        await audit.AppendAsync(new AuditEntry(actor, action, "tenant", before.Id, AuditEntry.Snapshot(new { Status = TenantStatusMachine.Name(before.Status) }),
            AuditEntry.Snapshot(new { Status = TenantStatusMachine.Name(to) }), reason), cancellationToken);
        return updated;
    }

    private Task PublishStatusChangeAsync(Actor actor, Tenant before, Tenant after, TenantStatusTrigger trigger, string? reason, CancellationToken cancellationToken)
    {
        var data = new TenantStatusChanged(after.Id, TenantStatusMachine.Name(before.Status), TenantStatusMachine.Name(after.Status),
            trigger.ToString().ToLowerInvariant(), reason, actor.Id);
        return bus.PublishAsync(EventDestinations.TenantEvents,
            IntegrationEvent.Create(TenantStatusChanged.EventType, data, time.GetUtcNow(), actor.CorrelationId), cancellationToken);
    }

    private static void EnsureOpen(Tenant tenant)
    {
        if (!TenantStatusMachine.IsOpen(tenant.Status))
        {
            throw AdminException.Conflict($"The tenant is {TenantStatusMachine.Name(tenant.Status)}; its configuration can no longer change.", "tenant_closed");
        }
    }

    private static object Basics(Tenant t) => new { t.Name, t.PrimaryDomain, t.Plan, t.OwnerEmail, Status = TenantStatusMachine.Name(t.Status) };
}

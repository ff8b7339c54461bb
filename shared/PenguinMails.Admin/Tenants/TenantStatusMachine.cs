using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Tenants;

/// <summary>
/// The tenant life cycle. Onboarding decides a pending tenant (approve or reject); billing only pauses, resumes
/// and closes; staff suspend, reactivate and close. Rejected and closed are final.
/// </summary>
public static class TenantStatusMachine
{
    private static readonly Dictionary<TenantStatusTrigger, (TenantStatus From, TenantStatus To)[]> Moves = new()
    {
        [TenantStatusTrigger.Approve] = [(TenantStatus.Pending, TenantStatus.Active)],
        [TenantStatusTrigger.Reject] = [(TenantStatus.Pending, TenantStatus.Rejected)],
        [TenantStatusTrigger.Billing] =
        [
            (TenantStatus.Active, TenantStatus.Paused), (TenantStatus.Paused, TenantStatus.Active),
            (TenantStatus.Active, TenantStatus.Closed), (TenantStatus.Paused, TenantStatus.Closed), (TenantStatus.Suspended, TenantStatus.Closed),
        ],
        [TenantStatusTrigger.Staff] =
        [
            (TenantStatus.Active, TenantStatus.Suspended), (TenantStatus.Paused, TenantStatus.Suspended),
            (TenantStatus.Suspended, TenantStatus.Active), (TenantStatus.Paused, TenantStatus.Active),
            (TenantStatus.Pending, TenantStatus.Closed), (TenantStatus.Active, TenantStatus.Closed),
            (TenantStatus.Paused, TenantStatus.Closed), (TenantStatus.Suspended, TenantStatus.Closed),
        ],
    };

    public static bool IsAllowed(TenantStatus from, TenantStatus to, TenantStatusTrigger trigger) =>
        Moves[trigger].Contains((from, to));

    /// <summary>Throws 409 <c>invalid_transition</c> when <paramref name="trigger"/> may not move a tenant from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static void Ensure(TenantStatus from, TenantStatus to, TenantStatusTrigger trigger)
    {
        if (!IsAllowed(from, to, trigger))
        {
            var hint = from == TenantStatus.Pending && to is TenantStatus.Active or TenantStatus.Rejected && trigger == TenantStatusTrigger.Staff
                ? " Use POST /api/tenants/{id}/approve or /reject."
                : "";
            throw AdminException.Conflict($"A tenant cannot go from '{Name(from)}' to '{Name(to)}' ({Name(trigger)}).{hint}", "invalid_transition");
        }
    }

    /// <summary>Tenants whose configuration can still change and whose users can be managed.</summary>
    public static bool IsOpen(TenantStatus status) => status is not (TenantStatus.Rejected or TenantStatus.Closed);

    public static string Name(TenantStatus status) => status.ToString().ToLowerInvariant();

    private static string Name(TenantStatusTrigger trigger) => trigger.ToString().ToLowerInvariant();
}

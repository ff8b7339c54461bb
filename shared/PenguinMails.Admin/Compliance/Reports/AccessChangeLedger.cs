using PenguinMails.Admin.Audit;

namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>
/// Folds a week's staff events into role grants and removals, new privileged accounts, and the access-removal events
/// (suspensions, offboardings, and every event that shrank someone's access) the SLA section needs.
/// </summary>
internal sealed class AccessChangeLedger(Func<string, string> nameOf)
{
    private static readonly HashSet<string> Creations = [AuditActions.StaffCreate, AuditActions.StaffBootstrap];

    public ReportTable RoleChanges { get; } = new("role-changes", "Role grants and removals", "Time", "Staff member", "Granted", "Removed", "By", "Reason");

    public ReportTable NewPrivileged { get; } = new("new-privileged-accounts", "New privileged accounts", "Time", "Staff member", "Roles", "Granted by", "How");

    public int Grants { get; private set; }
    public int Removals { get; private set; }
    public List<AuditEvent> Suspensions { get; } = [];
    public List<AuditEvent> Offboardings { get; } = [];

    /// <summary>Per staff member, when their access shrank: roles removed, sessions revoked, suspended, offboarded.</summary>
    public Dictionary<string, List<DateTimeOffset>> Shrinks { get; } = new(StringComparer.Ordinal);

    public void Observe(AuditEvent e)
    {
        if (Creations.Contains(e.Action))
        {
            Record(e, [], AuditSnapshots.Roles(e.After) ?? [], "new account");
        }
        else if (e.Action == AuditActions.StaffRolesSet)
        {
            Record(e, AuditSnapshots.Roles(e.Before) ?? [], AuditSnapshots.Roles(e.After) ?? [], "role change");
        }
        else if (e.Action == AuditActions.StaffSuspend)
        {
            Suspensions.Add(e);
            Shrink(e);
        }
        else if (e.Action == AuditActions.StaffOffboard)
        {
            Offboardings.Add(e);
            Shrink(e);
        }
        else if (e.Action == AuditActions.StaffSessionsRevoke)
        {
            Shrink(e);
        }
    }

    private void Record(AuditEvent e, IReadOnlyList<string> before, IReadOnlyList<string> after, string how)
    {
        var granted = after.Except(before).ToList();
        var removed = before.Except(after).ToList();
        if (granted.Count == 0 && removed.Count == 0)
        {
            return;
        }
        Grants += granted.Count;
        Removals += removed.Count;
        RoleChanges.Add(ReportFormat.Time(e.Time), nameOf(e.TargetId), ReportFormat.List(granted), ReportFormat.List(removed), e.ActorEmail,
            e.Reason ?? ReportFormat.None);
        if (removed.Count > 0)
        {
            Shrink(e);
        }
        if (PrivilegedAccess.IsPrivileged(after) && !PrivilegedAccess.IsPrivileged(before))
        {
            NewPrivileged.Add(ReportFormat.Time(e.Time), nameOf(e.TargetId), ReportFormat.List(after), e.ActorEmail, how);
        }
    }

    private void Shrink(AuditEvent e)
    {
        if (!Shrinks.TryGetValue(e.TargetId, out var times))
        {
            Shrinks[e.TargetId] = times = [];
        }
        times.Add(e.Time);
    }
}

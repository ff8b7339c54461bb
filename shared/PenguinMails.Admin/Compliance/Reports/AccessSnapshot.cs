using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;

namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>Staff access at one instant: each person's roles, last sign-in and dormancy, and who holds each sensitive permission.</summary>
internal sealed class AccessSnapshot(IReadOnlyCollection<StaffMember> members, DateTimeOffset asOf)
{
    public IReadOnlyList<StaffMember> Ordered { get; } = members.OrderBy(m => m.Email, StringComparer.Ordinal).ToList();

    public int Active => members.Count(m => m.Status == StaffStatus.Active);

    public int CountDormancy(string bucket) => members.Count(m => Dormancy.Of(m, asOf) == bucket);

    public string DormancyOf(StaffMember member) => Dormancy.Of(member, asOf);

    public ReportSection Staff()
    {
        var table = new ReportTable("access-snapshot", "Access snapshot", "Staff member", "Name", "Status", "Roles", "Last sign-in", "Dormancy")
        {
            Description = $"Every staff member as of {ReportFormat.Time(asOf)}. Dormancy counts days without a sign-in, for active members.",
        };
        foreach (var m in Ordered)
        {
            table.Add(m.Email, m.DisplayName, m.Status.ToString().ToLowerInvariant(), ReportFormat.List(m.Roles), ReportFormat.Time(m.LastLoginAt),
                Dormancy.Of(m, asOf));
        }
        return table.Build();
    }

    /// <summary>Active holders of each sensitive permission, and how many distinct people hold at least one.</summary>
    public (ReportSection Section, int People) SensitivePermissions()
    {
        var table = new ReportTable("sensitive-permissions", "Who holds each sensitive permission", "Permission", "Holders", "People")
        {
            Description = "Active staff whose roles grant each sensitive permission (suspended and offboarded staff hold none).",
        };
        var active = Ordered.Where(m => m.Status == StaffStatus.Active).Select(m => (Member: m, Granted: RoleCatalog.PermissionsOf(m.Roles))).ToList();
        var people = new HashSet<string>(StringComparer.Ordinal);
        foreach (var permission in PrivilegedAccess.SensitivePermissions)
        {
            var holders = active.Where(a => a.Granted.Contains(permission)).Select(a => a.Member.Email).ToList();
            people.UnionWith(holders);
            table.Add(permission, ReportFormat.Number(holders.Count), ReportFormat.List(holders));
        }
        return (table.Build(), people.Count);
    }
}

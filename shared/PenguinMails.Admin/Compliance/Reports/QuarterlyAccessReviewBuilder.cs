using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;

namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>
/// The quarterly access review's frozen snapshot: everyone who holds a role at generation time, with their privileges,
/// last sign-in and dormancy. Reviewers then record keep or remove against this snapshot, not against live data.
/// </summary>
public sealed class QuarterlyAccessReviewBuilder(IStaffStore staff) : IReportBuilder
{
    public const string SnapshotSection = "review-snapshot";

    public ReportType Type => ReportType.QuarterlyAccessReview;

    public async Task<ComplianceReport> BuildAsync(ReportContext context, CancellationToken cancellationToken = default)
    {
        var directory = await StaffDirectory.LoadAsync(staff, cancellationToken);
        var people = directory.Members.Where(m => m.Status != StaffStatus.Offboarded && m.Roles.Count > 0).ToList();
        var snapshot = new AccessSnapshot(people, context.GeneratedAt);
        var table = new ReportTable(SnapshotSection, "Access under review", "Staff id", "Staff member", "Name", "Status", "Roles", "Privileged",
            "Sensitive permissions", "Last sign-in", "Dormancy")
        {
            Description = $"Everyone holding a role at {ReportFormat.Time(context.GeneratedAt)}. This snapshot is frozen; "
                + "reviewers record keep or remove for each person.",
        };
        foreach (var m in snapshot.Ordered)
        {
            var granted = RoleCatalog.PermissionsOf(m.Roles);
            table.Add(m.Id, m.Email, m.DisplayName, m.Status.ToString().ToLowerInvariant(), ReportFormat.List(m.Roles),
                ReportFormat.YesNo(PrivilegedAccess.IsPrivileged(m.Roles)),
                ReportFormat.List(PrivilegedAccess.SensitivePermissions.Where(granted.Contains)), ReportFormat.Time(m.LastLoginAt), snapshot.DormancyOf(m));
        }
        var dormant90 = snapshot.CountDormancy(Dormancy.Dormant90);
        ReportFigure[] summary =
        [
            new("peopleUnderReview", "People under review", ReportFormat.Number(people.Count)),
            new("privilegedPeople", "Privileged people", ReportFormat.Number(people.Count(m => PrivilegedAccess.IsPrivileged(m.Roles)))),
            new("dormant90", "Dormant 90+ days", ReportFormat.Number(dormant90), dormant90 > 0),
            new("neverSignedIn", "Never signed in", ReportFormat.Number(snapshot.CountDormancy(Dormancy.Never))),
            new("suspendedWithRoles", "Suspended but still holding roles", ReportFormat.Number(people.Count(m => m.Status == StaffStatus.Suspended))),
        ];
        return context.Document(summary, [table.Build()]);
    }
}

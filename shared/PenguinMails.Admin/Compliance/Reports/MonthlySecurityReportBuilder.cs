using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Alerts;
using PenguinMails.Admin.Compliance.Sources;
using PenguinMails.Admin.Staff;

namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>
/// Monthly security: the access snapshot with dormancy, holders of sensitive permissions, expiring secrets, the audit
/// chain's verification for the month, security incidents, and user growth by week. Sections whose feature is not
/// installed say so.
/// </summary>
public sealed class MonthlySecurityReportBuilder(IAuditLog audit, IStaffStore staff, IAlertStore alerts, ISecretExpirySource secrets,
    IUserGrowthSource growth) : IReportBuilder
{
    public static readonly TimeSpan SecretHorizon = TimeSpan.FromDays(30);

    public ReportType Type => ReportType.MonthlySecurity;

    public async Task<ComplianceReport> BuildAsync(ReportContext context, CancellationToken cancellationToken = default)
    {
        var period = context.Period;
        var directory = await StaffDirectory.LoadAsync(staff, cancellationToken);
        var snapshot = new AccessSnapshot(directory.Members, context.GeneratedAt);
        var (sensitive, holders) = snapshot.SensitivePermissions();
        var chain = await audit.VerifyAsync(period.From, period.Last, cancellationToken);
        var incidents = new AlertTable("incidents", "Security incidents");
        await incidents.LoadAsync(alerts, period, cancellationToken);
        var expiring = await secrets.GetExpiringAsync(context.GeneratedAt, SecretHorizon, cancellationToken);
        var weeks = await growth.GetWeeklyGrowthAsync(period.Start, period.End.AddDays(1), cancellationToken);
        ReportFigure[] summary =
        [
            new("staffMembers", "Staff members", ReportFormat.Number(directory.Members.Count)),
            new("activeStaff", "Active staff", ReportFormat.Number(snapshot.Active)),
            new("dormant30", "Dormant 30–89 days", ReportFormat.Number(snapshot.CountDormancy(Dormancy.Dormant30)), snapshot.CountDormancy(Dormancy.Dormant30) > 0),
            new("dormant90", "Dormant 90+ days", ReportFormat.Number(snapshot.CountDormancy(Dormancy.Dormant90)), snapshot.CountDormancy(Dormancy.Dormant90) > 0),
            new("neverSignedIn", "Never signed in", ReportFormat.Number(snapshot.CountDormancy(Dormancy.Never))),
            new("sensitivePermissionHolders", "People holding sensitive permissions", ReportFormat.Number(holders)),
            new("auditChain", "Audit chain", chain.Valid ? "valid" : "BROKEN", !chain.Valid, chain.FirstBrokenEventId is { } broken ? $"first broken event {broken}" : null),
            new("auditEventsVerified", "Audit events verified", ReportFormat.Number(chain.Checked)),
            new("securityIncidents", "Security incidents", ReportFormat.Number(incidents.Count), incidents.Serious > 0),
            expiring.Data is { } list
                ? new("secretsExpiring", "Secrets expired or expiring in 30 days", ReportFormat.Number(list.Count), list.Count > 0)
                : new("secretsExpiring", "Secrets expired or expiring in 30 days", "not available", Note: expiring.Unavailable),
            weeks.Data is { } w ? new("newUsers", "New users", ReportFormat.Number(w.Sum(x => x.NewUsers))) : new("newUsers", "New users", "not available", Note: weeks.Unavailable),
            weeks.Data is { } t ? new("newTenants", "New tenants", ReportFormat.Number(t.Sum(x => x.NewTenants))) : new("newTenants", "New tenants", "not available", Note: weeks.Unavailable),
        ];
        return context.Document(summary,
        [
            snapshot.Staff(), sensitive, Secrets(expiring), Chain(chain, period),
            incidents.Build("Alerts raised during the month, by sign-in monitoring and other detectors."), Growth(weeks),
        ]);
    }

    private static ReportSection Chain(AuditVerification chain, ReportPeriod period) =>
        new ReportTable("audit-chain", "Audit-chain verification", "Period", "Events checked", "Result", "First broken event")
        {
            Description = "Every event's hash recomputed over its fields and its predecessor's hash, day by day.",
        }.Add($"{ReportFormat.Date(period.Start)} to {ReportFormat.Date(period.End)}", ReportFormat.Number(chain.Checked),
            chain.Valid ? "valid" : "BROKEN: the log was altered", chain.FirstBrokenEventId ?? ReportFormat.None).Build();

    private static ReportSection Secrets(SourceResult<IReadOnlyList<SecretExpiry>> expiring)
    {
        var table = new ReportTable("secrets", "Secrets expiring or expired", "Secret", "Expires", "State")
        {
            Description = "Secrets already expired, or expiring within 30 days of this report. Values are never included.",
        };
        if (expiring.Data is null)
        {
            return table.Unavailable(expiring.Unavailable!);
        }
        foreach (var s in expiring.Data.OrderBy(s => s.ExpiresAt))
        {
            table.Add(s.Name, ReportFormat.Time(s.ExpiresAt), s.Expired ? "expired" : "expiring");
        }
        return table.Build();
    }

    private static ReportSection Growth(SourceResult<IReadOnlyList<GrowthWeek>> weeks)
    {
        var table = new ReportTable("user-growth", "User growth", "Week starting", "New users", "New tenants")
        {
            Description = "New platform users and tenants per week (Monday to Sunday, UTC). The first and last weeks are cut at the month's edges, "
                + "so the weeks add up to the month.",
        };
        if (weeks.Data is null)
        {
            return table.Unavailable(weeks.Unavailable!);
        }
        foreach (var w in weeks.Data.OrderBy(w => w.WeekStart))
        {
            table.Add(ReportFormat.Date(w.WeekStart), ReportFormat.Number(w.NewUsers), ReportFormat.Number(w.NewTenants));
        }
        return table.Build();
    }
}

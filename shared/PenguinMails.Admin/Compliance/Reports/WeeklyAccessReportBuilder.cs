using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Alerts;
using PenguinMails.Admin.Compliance.Sources;
using PenguinMails.Admin.Staff;

namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>
/// Weekly access: role grants and removals, new privileged accounts, suspensions and offboardings against the 24-hour
/// SLA, failed sign-ins by identity and IP, and the alerts raised. One pass over the week's audit events, folded into
/// small tallies, so memory does not grow with the number of events.
/// </summary>
public sealed class WeeklyAccessReportBuilder(IAuditLog audit, IStaffStore staff, IAlertStore alerts, IOffboardingRequestSource offboardings)
    : IReportBuilder
{
    public ReportType Type => ReportType.WeeklyAccess;

    public async Task<ComplianceReport> BuildAsync(ReportContext context, CancellationToken cancellationToken = default)
    {
        var period = context.Period;
        var directory = await StaffDirectory.LoadAsync(staff, cancellationToken);
        var access = new AccessChangeLedger(directory.NameOf);
        var signIns = new SignInFailureLedger();
        await foreach (var e in audit.ReadAsync(period.From, period.Last, cancellationToken))
        {
            access.Observe(e);
            signIns.Observe(e);
        }
        var raised = new AlertTable("alerts", "Alerts raised");
        await raised.LoadAsync(alerts, period, cancellationToken);
        var requests = await offboardings.GetRequestsAsync(period.From - AccessRemovalSla.RequestLookback, period.Until, cancellationToken);
        var (removals, breaches) = AccessRemovalSla.Build(access, requests, period, directory.NameOf);
        ReportFigure[] summary =
        [
            new("roleGrants", "Roles granted", ReportFormat.Number(access.Grants)),
            new("roleRemovals", "Roles removed", ReportFormat.Number(access.Removals)),
            new("newPrivilegedAccounts", "New privileged accounts", ReportFormat.Number(access.NewPrivileged.Count), access.NewPrivileged.Count > 0),
            new("suspensions", "Suspensions", ReportFormat.Number(access.Suspensions.Count)),
            new("offboardings", "Offboardings", ReportFormat.Number(access.Offboardings.Count)),
            breaches is { } b
                ? new("accessRemovalSlaBreaches", "Access removals over 24 h", ReportFormat.Number(b), b > 0)
                : new("accessRemovalSlaBreaches", "Access removals over 24 h", "not measured", Note: requests.Unavailable),
            new("failedSignIns", "Failed sign-ins", ReportFormat.Number(signIns.Failures)),
            new("failedSignInIdentities", "Identities with failed sign-ins", ReportFormat.Number(signIns.Identities)),
            new("failedSignInIps", "IP addresses with failed sign-ins", ReportFormat.Number(signIns.Ips)),
            new("successfulSignIns", "Successful sign-ins", ReportFormat.Number(signIns.Successes)),
            new("alertsRaised", "Alerts raised", ReportFormat.Number(raised.Count), raised.Serious > 0),
        ];
        access.RoleChanges.Description = "Every role granted (including a new account's roles) or removed, from the audit log.";
        access.NewPrivileged.Description = "People who became privileged (able to change staff access or read secrets) this week.";
        return context.Document(summary,
        [
            access.RoleChanges.Build(), access.NewPrivileged.Build(), removals, signIns.ByIdentity(), signIns.ByIp(),
            raised.Build("Alerts raised by sign-in monitoring and other detectors during the week."),
        ]);
    }
}

using PenguinMails.Admin.Compliance.Sources;

namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>
/// The weekly report's suspensions and offboardings, each with the time from request to access removal against the
/// 24-hour SLA. A suspension removes access in the same call, so it is its own request. An offboarding is measured from
/// the request its workflow recorded to the first event that shrank the person's access.
/// </summary>
internal static class AccessRemovalSla
{
    public static readonly TimeSpan Sla = TimeSpan.FromHours(24);
    public static readonly TimeSpan RequestLookback = TimeSpan.FromDays(7);

    /// <summary>The section, and the number of SLA breaches (null when offboarding requests are not available).</summary>
    public static (ReportSection Section, int? Breaches) Build(AccessChangeLedger ledger, SourceResult<IReadOnlyList<OffboardingRequest>> requests,
        ReportPeriod period, Func<string, string> nameOf)
    {
        var table = new ReportTable("access-removals", "Suspensions and offboardings", "Staff member", "Action", "Requested", "Access removed",
            "Time to removal", "Within 24 h SLA", "By", "Reason", "Workflow")
        {
            Description = "A suspension revokes every session in the same call, so access is removed when it is requested. An offboarding is "
                + "measured from the request its workflow recorded (the start of the offboarding workflow named in the last column) to the "
                + "first step that removed access."
                + (requests.IsAvailable ? "" : $" Offboarding requests: {requests.Unavailable}, so their time to removal is not measured."),
        };
        foreach (var s in ledger.Suspensions)
        {
            table.Add(nameOf(s.TargetId), "suspension", ReportFormat.Time(s.Time), ReportFormat.Time(s.Time), ReportFormat.Duration(TimeSpan.Zero),
                "yes", s.ActorEmail, s.Reason ?? ReportFormat.None, ReportFormat.None);
        }
        var all = requests.Data ?? [];
        var breaches = 0;
        foreach (var o in ledger.Offboardings)
        {
            var request = all.Where(r => r.StaffId == o.TargetId && r.RequestedAt <= o.Time).MaxBy(r => r.RequestedAt);
            if (request is null)
            {
                var note = requests.IsAvailable ? "no request recorded" : "not recorded";
                table.Add(nameOf(o.TargetId), "offboarding", note, ReportFormat.Time(o.Time), "not measured", "not measured", o.ActorEmail,
                    o.Reason ?? ReportFormat.None, ReportFormat.None);
                continue;
            }
            var removedAt = FirstShrink(ledger, o.TargetId, request.RequestedAt) ?? o.Time;
            var within = removedAt - request.RequestedAt <= Sla;
            breaches += within ? 0 : 1;
            table.Add(nameOf(o.TargetId), "offboarding", ReportFormat.Time(request.RequestedAt), ReportFormat.Time(removedAt),
                ReportFormat.Duration(removedAt - request.RequestedAt), within ? "yes" : "no", request.RequestedBy, o.Reason ?? ReportFormat.None,
                request.WorkflowId ?? ReportFormat.None);
        }
        foreach (var pending in all.Where(r => r.RequestedAt >= period.From && FirstShrink(ledger, r.StaffId, r.RequestedAt) is null))
        {
            var overdue = pending.RequestedAt + Sla < period.Until;
            breaches += overdue ? 1 : 0;
            table.Add(nameOf(pending.StaffId), "offboarding (not completed)", ReportFormat.Time(pending.RequestedAt), "not yet",
                $"over {ReportFormat.Duration(period.Until - pending.RequestedAt)}", overdue ? "no (overdue)" : "pending", pending.RequestedBy, ReportFormat.None,
                pending.WorkflowId ?? ReportFormat.None);
        }
        return (table.Build(), requests.IsAvailable ? breaches : null);
    }

    private static DateTimeOffset? FirstShrink(AccessChangeLedger ledger, string staffId, DateTimeOffset notBefore) =>
        ledger.Shrinks.TryGetValue(staffId, out var times) && times.Where(t => t >= notBefore).ToList() is { Count: > 0 } after ? after.Min() : null;
}

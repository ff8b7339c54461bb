using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Compliance.Reports;
using PenguinMails.Admin.Compliance.Sources;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;

namespace PenguinMails.Admin.Compliance.Reviews;

/// <summary>
/// Quarterly access reviews: a reviewer records keep or remove for each person in the frozen snapshot. Remove takes
/// effect at once, through the same staff service an administrator uses (every role removed, sessions revoked, audited
/// with the reviewer as actor), or by starting the offboarding workflow (which needs <c>staff.offboard</c>; its instance id
/// is the decision's evidence). The review closes once everyone is decided.
/// </summary>
public sealed class AccessReviewService(
    IReportStore reports,
    IReviewDecisionStore decisions,
    AccessReviewLedger ledger,
    StaffService staff,
    IOffboardingStarter offboarding,
    IAuditLog audit,
    TimeProvider time)
{
    public const string DecideAction = AuditActions.ReportsReviewDecide;
    public const string CloseAction = AuditActions.ReportsReviewClose;

    /// <summary>The decisions made so far in a quarterly access review (404 when the report is not one).</summary>
    public async Task<IReadOnlyList<ReviewDecision>> ListDecisionsAsync(string reportId, CancellationToken cancellationToken = default)
    {
        var record = (await reports.GetAsync(reportId, cancellationToken))?.Value;
        return record?.Type == ReportType.QuarterlyAccessReview
            ? await decisions.ListAsync(record.Id, cancellationToken)
            : throw AdminException.NotFound("Access review", reportId);
    }

    public async Task<ReviewDecision> DecideAsync(Actor actor, string reportId, string staffId, string? decision, string? removal, string? reason,
        CancellationToken cancellationToken = default)
    {
        var outcome = Parse<ReviewOutcome>("decision", decision, required: true)!.Value;
        var method = Parse<RemovalMethod>("removal", removal, required: false);
        new Validator().When(outcome == ReviewOutcome.Keep && method is not null, "removal", "removal applies only to a remove decision.").ThrowIfInvalid();
        var why = outcome == ReviewOutcome.Remove ? Reason.Required(reason) : Reason.Optional(reason);
        var (record, _) = await ledger.OpenReviewAsync(reportId, cancellationToken);
        var person = (await ledger.PeopleAsync(record.Id, cancellationToken)).FirstOrDefault(p => p.StaffId == staffId)
            ?? throw AdminException.NotFound("Person in review " + reportId, staffId);
        if (actor.Id == staffId)
        {
            throw AdminException.Forbidden("You cannot review your own access; ask another reviewer.");
        }
        if (outcome == ReviewOutcome.Remove && !actor.Has(Permissions.StaffRoles) && !actor.Has(Permissions.StaffOffboard))
        {
            throw AdminException.Forbidden($"Removing access needs {Permissions.StaffRoles} or {Permissions.StaffOffboard}.");
        }
        if (method == RemovalMethod.Offboard && !actor.Has(Permissions.StaffOffboard))
        {
            throw AdminException.Forbidden($"Offboarding needs {Permissions.StaffOffboard}.");
        }
        var existing = await decisions.GetAsync(reportId, staffId, cancellationToken);
        if (existing?.Value.Outcome == ReviewOutcome.Remove)
        {
            throw AdminException.Conflict("Access was already removed for this person in this review; the decision is final.", "decision_final");
        }
        string? removalEventId = null, workflowId = null, note = null;
        if (outcome == ReviewOutcome.Remove)
        {
            method ??= RemovalMethod.Roles;
            var because = $"Access review {reportId}: {why}";
            if (method == RemovalMethod.Offboard)
            {
                workflowId = await offboarding.StartAsync(actor, staffId, because, cancellationToken);
            }
            else
            {
                (removalEventId, note) = await RemoveRolesAsync(actor, staffId, because, record.CreatedAt, cancellationToken);
            }
        }
        var recorded = await audit.AppendAsync(new AuditEntry(actor, DecideAction, "staff", staffId,
            existing is null ? null : AuditEntry.Snapshot(new { Decision = existing.Value.Outcome.ToString().ToLowerInvariant() }),
            AuditEntry.Snapshot(new { ReportId = reportId, Decision = outcome.ToString().ToLowerInvariant(), Removal = method?.ToString().ToLowerInvariant(),
                RemovalEventId = removalEventId, WorkflowId = workflowId }), why), cancellationToken);
        var result = new ReviewDecision(reportId, staffId, person.Email, outcome, method, why, actor.Id, actor.Email, time.GetUtcNow(), recorded.Id,
            removalEventId, workflowId, note);
        return (await decisions.SaveAsync(result, existing?.ETag, cancellationToken)).Value;
    }

    public async Task<ReportRecord> CloseAsync(Actor actor, string reportId, string? reason, CancellationToken cancellationToken = default)
    {
        var why = Reason.Optional(reason);
        var (record, etag) = await ledger.OpenReviewAsync(reportId, cancellationToken);
        var progress = await ledger.ProgressAsync(record, cancellationToken);
        if (progress.Pending > 0)
        {
            throw AdminException.Conflict($"{progress.Pending} of {progress.People} people have no decision yet.", "review_incomplete");
        }
        var removals = (await decisions.ListAsync(reportId, cancellationToken)).Where(d => d.Outcome == ReviewOutcome.Remove)
            .Select(d => new { d.StaffId, d.RemovalEventId, d.WorkflowId, d.DecisionEventId }).ToList();
        await audit.AppendAsync(new AuditEntry(actor, CloseAction, "report", reportId,
            After: AuditEntry.Snapshot(new { progress.People, progress.Kept, progress.Removed, Removals = removals }), Reason: why), cancellationToken);
        var closed = record with { ReviewClosedAt = time.GetUtcNow(), ReviewClosedBy = actor.Email };
        return (await reports.UpdateAsync(closed, etag, cancellationToken)).Value;
    }

    private async Task<(string? EventId, string? Note)> RemoveRolesAsync(Actor actor, string staffId, string because, DateTimeOffset reviewStart,
        CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(staffId, cancellationToken);
        if (member.Value.Roles.Count > 0)
        {
            await staff.SetRolesAsync(actor, staffId, [], null, because, cancellationToken);
        }
        // The evidence is the audit event that left the person with no roles, whoever recorded it since the review began.
        var page = await audit.QueryAsync(new AuditQuery(null, staffId, AuditActions.StaffRolesSet, reviewStart, null), PageRequest.First(100), cancellationToken);
        var removal = page.Items.FirstOrDefault(e => AuditSnapshots.Roles(e.After) is { Count: 0 });
        return removal is not null
            ? (removal.Id, null)
            : (null, "held no roles when the decision was made; no role removal was needed");
    }

    private static T? Parse<T>(string field, string? value, bool required) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? throw AdminException.Validation(field, $"{field} is required.") : null;
        }
        return Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !value.Any(char.IsDigit)
            ? parsed
            : throw AdminException.Validation(field, $"'{value}' is not one of: {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");
    }
}

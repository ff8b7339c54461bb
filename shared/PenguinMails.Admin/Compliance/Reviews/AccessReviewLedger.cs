using PenguinMails.Admin.Common;
using PenguinMails.Admin.Compliance.Reports;

namespace PenguinMails.Admin.Compliance.Reviews;

/// <summary>
/// Reads an access review: its snapshot's people, the decisions so far, and the report as rendered, which is the
/// frozen snapshot followed by the decisions and their evidence.
/// </summary>
public sealed class AccessReviewLedger(IReportStore reports, IReviewDecisionStore decisions)
{
    public const string DecisionsSection = "review-decisions";

    /// <summary>The review and its ETag; 404 unless it is a completed access review, 409 once closed.</summary>
    public async Task<(ReportRecord Record, string ETag)> OpenReviewAsync(string reportId, CancellationToken cancellationToken)
    {
        var found = await reports.GetAsync(reportId, cancellationToken);
        if (found is null || found.Value.Type != ReportType.QuarterlyAccessReview)
        {
            throw AdminException.NotFound("Access review", reportId);
        }
        if (found.Value.Status != ReportStatus.Completed)
        {
            throw AdminException.Conflict($"Access review '{reportId}' is {found.Value.Status.ToString().ToLowerInvariant()}.", "report_not_ready");
        }
        if (found.Value.ReviewClosedAt is not null)
        {
            throw AdminException.Conflict($"Access review '{reportId}' was closed; its decisions are final.", "review_closed");
        }
        return (found.Value, found.ETag);
    }

    public async Task<IReadOnlyList<ReviewPerson>> PeopleAsync(string reportId, CancellationToken cancellationToken)
    {
        var document = await reports.ReadDocumentAsync(reportId, cancellationToken)
            ?? throw new InvalidOperationException($"Access review '{reportId}' is completed but its document is missing.");
        return People(document);
    }

    public async Task<ReviewProgress> ProgressAsync(ReportRecord record, CancellationToken cancellationToken)
    {
        var people = await PeopleAsync(record.Id, cancellationToken);
        var made = await decisions.ListAsync(record.Id, cancellationToken);
        return Progress(record, people, made);
    }

    /// <summary>The review as rendered: the snapshot, then everyone's decision (or "pending") with its evidence.</summary>
    public async Task<ComplianceReport> ComposeAsync(ComplianceReport snapshot, ReportRecord record, CancellationToken cancellationToken)
    {
        var people = People(snapshot);
        var made = (await decisions.ListAsync(record.Id, cancellationToken)).ToDictionary(d => d.StaffId, StringComparer.Ordinal);
        var progress = Progress(record, people, made.Values.ToList());
        var table = new ReportTable(DecisionsSection, "Review decisions", "Staff member", "Decision", "Removal", "Reviewer", "Decided", "Reason", "Evidence")
        {
            Description = progress.Closed
                ? $"Closed by {progress.ClosedBy} at {ReportFormat.Time(progress.ClosedAt)}. Evidence ids are audit event ids (GET /api/audit)."
                : "The review is open. Evidence ids are audit event ids (GET /api/audit).",
        };
        foreach (var person in people)
        {
            if (made.TryGetValue(person.StaffId, out var d))
            {
                table.Add(person.Email, d.Outcome.ToString().ToLowerInvariant(), d.Removal?.ToString().ToLowerInvariant() ?? ReportFormat.None, d.ReviewerEmail,
                    ReportFormat.Time(d.DecidedAt), d.Reason ?? ReportFormat.None, Evidence(d));
            }
            else
            {
                table.Add(person.Email, "pending", ReportFormat.None, ReportFormat.None, ReportFormat.None, ReportFormat.None, ReportFormat.None);
            }
        }
        ReportFigure[] figures =
        [
            new("reviewStatus", "Review", progress.Closed ? "closed" : "open", !progress.Closed),
            new("decided", "Decided", $"{progress.Decided} of {progress.People}"),
            new("kept", "Kept", ReportFormat.Number(progress.Kept)),
            new("removed", "Removed", ReportFormat.Number(progress.Removed)),
        ];
        return snapshot with { Summary = [.. figures, .. snapshot.Summary], Sections = [.. snapshot.Sections, table.Build()] };
    }

    private static ReviewProgress Progress(ReportRecord record, IReadOnlyList<ReviewPerson> people, IReadOnlyCollection<ReviewDecision> made)
    {
        var inReview = people.Select(p => p.StaffId).ToHashSet(StringComparer.Ordinal);
        var counted = made.Where(d => inReview.Contains(d.StaffId)).ToList();
        return new ReviewProgress(record.ReviewClosedAt is not null, people.Count, counted.Count, counted.Count(d => d.Outcome == ReviewOutcome.Keep),
            counted.Count(d => d.Outcome == ReviewOutcome.Remove), record.ReviewClosedAt, record.ReviewClosedBy);
    }

    private static List<ReviewPerson> People(ComplianceReport document) =>
        document.Section(QuarterlyAccessReviewBuilder.SnapshotSection)?.Rows.Select(r => new ReviewPerson(r[0], r[1])).ToList() ?? [];

    private static string Evidence(ReviewDecision d)
    {
        var parts = new List<string> { $"decision {d.DecisionEventId}" };
        if (d.RemovalEventId is not null)
        {
            parts.Add($"roles removed {d.RemovalEventId}");
        }
        if (d.WorkflowId is not null)
        {
            parts.Add($"offboarding workflow {d.WorkflowId}");
        }
        if (d.Note is not null)
        {
            parts.Add(d.Note);
        }
        return string.Join("; ", parts);
    }
}

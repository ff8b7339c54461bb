using PenguinMails.Admin.Compliance.Reports;
using PenguinMails.Admin.Compliance.Reviews;

namespace PenguinMails.Functions.Compliance;

public sealed record CreateReportRequest(string? Type = null, DateOnly? PeriodStart = null, string? Reason = null);

public sealed record FigureResponse(string Key, string Label, string Value, bool Attention, string? Note);

public enum ReviewStatus
{
    Open,
    Closed,
}

/// <summary>Where an access review stands; only on quarterly-access-review reports.</summary>
public sealed record ReviewResponse(ReviewStatus Status, int People, int Decided, int Pending, int Kept, int Removed, DateTimeOffset? ClosedAt, string? ClosedBy)
{
    public static ReviewResponse From(ReviewProgress p) =>
        new(p.Closed ? ReviewStatus.Closed : ReviewStatus.Open, p.People, p.Decided, p.Pending, p.Kept, p.Removed, p.ClosedAt, p.ClosedBy);
}

/// <summary>A report's index entry. <c>createdBy</c> is null for scheduled reports; <c>sha256</c> is the stored JSON's digest.</summary>
public sealed record ReportResponse(string Id, ReportType Type, DateOnly PeriodStart, DateOnly PeriodEnd, ReportStatus Status, DateTimeOffset CreatedAt,
    string? CreatedBy, DateTimeOffset? CompletedAt, string? Sha256, IReadOnlyList<FigureResponse> Summary, ReviewResponse? Review)
{
    public static ReportResponse From(ReportRecord r, ReviewProgress? review = null) => new(r.Id, r.Type, r.PeriodStart, r.PeriodEnd, r.Status,
        r.CreatedAt, r.CreatedBy, r.CompletedAt, r.Sha256, r.Summary.Select(f => new FigureResponse(f.Key, f.Label, f.Value, f.Attention, f.Note)).ToList(), review is null ? null : ReviewResponse.From(review));
}

public sealed record ReviewDecisionRequest(string? Decision = null, string? Removal = null, string? Reason = null);

public sealed record CloseReviewRequest(string? Reason = null);

public sealed record ReviewDecisionResponse(string StaffId, string StaffEmail, ReviewOutcome Decision, RemovalMethod? Removal, string? Reason, string ReviewerId,
    string ReviewerEmail, DateTimeOffset DecidedAt, string DecisionEventId, string? RemovalEventId, string? WorkflowId, string? Note)
{
    public static ReviewDecisionResponse From(ReviewDecision d) => new(d.StaffId, d.StaffEmail, d.Outcome, d.Removal, d.Reason, d.ReviewerId, d.ReviewerEmail, d.DecidedAt, d.DecisionEventId, d.RemovalEventId, d.WorkflowId,
        d.Note);
}

namespace PenguinMails.Admin.Compliance.Reviews;

/// <summary>
/// A reviewer's keep or remove for one person in an access review, with its evidence: the audit event of the decision,
/// and for a removal the audit event that removed the roles or the offboarding workflow that was started.
/// </summary>
public sealed record ReviewDecision(
    string ReportId,
    string StaffId,
    string StaffEmail,
    ReviewOutcome Outcome,
    RemovalMethod? Removal,
    string? Reason,
    string ReviewerId,
    string ReviewerEmail,
    DateTimeOffset DecidedAt,
    string DecisionEventId,
    string? RemovalEventId,
    string? WorkflowId,
    string? Note);

namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>
/// A report's index entry: what GET /api/reports lists. <see cref="CreatedBy"/> is null for scheduled reports.
/// For access reviews, <see cref="ReviewClosedAt"/> is set once the review is closed.
/// </summary>
public sealed record ReportRecord(
    string Id,
    ReportType Type,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    ReportStatus Status,
    DateTimeOffset CreatedAt,
    string? CreatedBy,
    DateTimeOffset? CompletedAt,
    string? Sha256,
    IReadOnlyList<ReportFigure> Summary,
    DateTimeOffset? ReviewClosedAt = null,
    string? ReviewClosedBy = null);

namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>
/// A generated report: the document stored as canonical JSON and rendered as CSV and HTML. Values are already
/// formatted text, so every rendering shows exactly the same figures.
/// </summary>
public sealed record ComplianceReport(
    int SchemaVersion,
    string Id,
    string Type,
    string Title,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateTimeOffset GeneratedAt,
    string GeneratedBy,
    IReadOnlyList<ReportFigure> Summary,
    IReadOnlyList<ReportSection> Sections)
{
    public const int CurrentSchema = 1;

    public ReportSection? Section(string key) => Sections.FirstOrDefault(s => s.Key == key);

    public ReportFigure? Figure(string key) => Summary.FirstOrDefault(f => f.Key == key);
}

namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>What a builder needs to know about the report it builds.</summary>
public sealed record ReportContext(ReportPeriod Period, DateTimeOffset GeneratedAt, string GeneratedBy)
{
    public ComplianceReport Document(IReadOnlyList<ReportFigure> summary, IReadOnlyList<ReportSection> sections) =>
        new(ComplianceReport.CurrentSchema, Period.Id, Period.Type.Name(), Period.Type.Title(), Period.Start, Period.End, GeneratedAt, GeneratedBy,
            summary, sections);
}

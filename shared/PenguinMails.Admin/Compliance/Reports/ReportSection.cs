namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>
/// One table of a report. <see cref="Unavailable"/> says why a section has no data (a feature not installed), so a
/// reader never mistakes a missing source for an empty one.
/// </summary>
public sealed record ReportSection(string Key, string Title, string? Description, string? Unavailable, IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows);

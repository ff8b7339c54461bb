namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>One key figure of a report's summary. <see cref="Attention"/> marks a figure a reader must act on.</summary>
public sealed record ReportFigure(string Key, string Label, string Value, bool Attention = false, string? Note = null);

namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>A report and whether this call generated it (false: it existed, or another run is generating it).</summary>
public sealed record ReportOutcome(ReportRecord Report, bool Generated);

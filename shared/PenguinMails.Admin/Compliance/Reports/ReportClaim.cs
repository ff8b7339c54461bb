namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>The outcome of claiming a report: <see cref="Claimed"/> when this caller must generate it.</summary>
public sealed record ReportClaim(ReportRecord Record, string ETag, bool Claimed);

namespace PenguinMails.Admin.Audit;

public sealed record AuditVerification(bool Valid, int Checked, string? FirstBrokenEventId);

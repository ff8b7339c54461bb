namespace PenguinMails.Admin.Billing;

/// <summary>What opening a finance ticket needs.</summary>
public sealed record NewFinanceTicket(string Title, string Queue, string TenantId, string ExternalRef, string Description, DateTimeOffset? DueAt = null);

namespace PenguinMails.Admin.Billing.Refunds;

/// <summary>The refund workflow's input: which invoice of which tenant, why, and who asked.</summary>
public sealed record RefundInput(string TenantId, string InvoiceId, string Reason, string RequestedBy);

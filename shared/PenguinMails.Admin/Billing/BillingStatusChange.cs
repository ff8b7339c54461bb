namespace PenguinMails.Admin.Billing;

/// <summary>The outcome of applying a billing status: whether it changed anything, and what it was before.</summary>
public sealed record BillingStatusChange(bool Applied, TenantBillingStatus? Previous, TenantBillingStatus Current);

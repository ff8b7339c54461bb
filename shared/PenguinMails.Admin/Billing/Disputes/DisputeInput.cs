namespace PenguinMails.Admin.Billing.Disputes;

/// <summary>The billing dispute workflow's input: the tenant and the Stripe dispute on one of its charges.</summary>
public sealed record DisputeInput(string TenantId, string DisputeId, string ChargeId);

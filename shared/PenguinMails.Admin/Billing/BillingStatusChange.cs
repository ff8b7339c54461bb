namespace PenguinMails.Admin.Billing;

/// <summary>The outcome of a status report: whether the tenant's status moved, and why (for the message's log).</summary>
public sealed record BillingStatusChange(bool Applied, string Outcome);

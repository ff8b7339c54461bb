namespace PenguinMails.Admin.Billing;

/// <summary>What the webhook answers Stripe: accepted for processing, a duplicate, or stored but not processed (and why).</summary>
public sealed record WebhookReceipt(string EventId, bool Processed, bool Duplicate, string? Reason);

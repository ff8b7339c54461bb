namespace PenguinMails.Admin.Billing.Refunds;

/// <summary>The output of <see cref="NotifyCustomer"/>: the support ticket that tells support to notify the customer, and since when it is due.</summary>
public sealed record CustomerNotification(string TicketId, string? TicketKey, DateTimeOffset DueAt);

namespace PenguinMails.Admin.Billing;

/// <summary>
/// A ticket on a finance queue (billing disputes, refund requests). <see cref="ExternalRef"/> names what it is about
/// (e.g. <c>stripe-dispute:dp_1</c>, <c>refund:{id}</c>) and makes opening it idempotent.
/// </summary>
public sealed record FinanceTicket(
    string Id,
    string Title,
    string Queue,
    FinanceTicketStatus Status,
    string TenantId,
    string ExternalRef,
    string Description,
    DateTimeOffset? DueAt,
    bool Escalated,
    IReadOnlyList<string> Notes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public const string FinanceQueue = "finance";
    public const string BillingDisputeTitle = "Billing Dispute";
    public const string RefundRequestTitle = "Refund Request";
}

using PenguinMails.Admin.Billing.Refunds;

namespace PenguinMails.Admin.Infrastructure.Billing.Workflows;

/// <summary>
/// The <c>Billing:Refunds</c> deadlines: the reminder after 3 days and the escalation after 7 without Stripe's
/// confirmation. They are durable timers on the real clock, so tests shorten them; change them only between
/// deployments with no refund waiting (a replay must see the same values).
/// </summary>
public sealed class RefundDeadlines
{
    public TimeSpan RemindAfter { get; set; } = RefundWorkflow.RemindAfter;

    public TimeSpan EscalateAfter { get; set; } = RefundWorkflow.EscalateAfter;
}

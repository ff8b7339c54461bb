namespace PenguinMails.Admin.Billing;

/// <summary>
/// The refund workflow's timers: a refund not confirmed 3 days after its ticket opened gets a reminder on the ticket,
/// and after 7 days the ticket is escalated. Each happens once per wait.
/// </summary>
public sealed class RefundDeadlines(IRefundRequestStore store, IFinanceTicketDesk desk, TimeProvider time)
{
    public static readonly TimeSpan RemindAfter = TimeSpan.FromDays(3);
    public static readonly TimeSpan EscalateAfter = TimeSpan.FromDays(7);

    /// <summary>Returns how many requests got a reminder or an escalation.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var acted = 0;
        await foreach (var current in store.ListAwaitingAsync(cancellationToken))
        {
            var request = current.Value;
            var waited = now - (request.AwaitingSince ?? request.CreatedAt);
            if (waited >= EscalateAfter && request.EscalatedAt is null)
            {
                await desk.UpdateAsync(request.TicketId!, new FinanceTicketUpdate(Escalated: true,
                    Note: $"Escalated: Stripe has not confirmed the refund of {request.DuplicateChargeId} after {EscalateAfter.Days} days."), cancellationToken);
                await store.UpdateAsync(request.With(new RefundStep("Escalate", now, "Refund not confirmed after 7 days; ticket escalated.")) with
                {
                    EscalatedAt = now, RemindedAt = request.RemindedAt ?? now,
                }, current.ETag, cancellationToken);
                acted++;
            }
            else if (waited >= RemindAfter && request.RemindedAt is null)
            {
                await desk.UpdateAsync(request.TicketId!, new FinanceTicketUpdate(
                    Note: $"Reminder: the refund of {request.DuplicateChargeId} is still not confirmed by Stripe after {RemindAfter.Days} days."), cancellationToken);
                await store.UpdateAsync(request.With(new RefundStep("Remind", now, "Refund not confirmed after 3 days; reminder added.")) with
                {
                    RemindedAt = now,
                }, current.ETag, cancellationToken);
                acted++;
            }
        }
        return acted;
    }
}

using PenguinMails.Admin.Billing;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Billing;

/// <summary>Processes one stored Stripe event (the message is its id) with the handler for its type.</summary>
public sealed class ProcessStripeEventFunction(StripeEventProcessor processor) : ITriggeredFunction
{
    public const string Name = "ProcessStripeEvent";

    public async Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        var eventId = invocation.Payload.Trim();
        var outcome = await processor.ProcessAsync(eventId, cancellationToken);
        invocation.Logs.Add(outcome is null ? $"Stripe event {eventId}: nothing to do." : $"Stripe event {eventId}: {outcome}");
    }
}

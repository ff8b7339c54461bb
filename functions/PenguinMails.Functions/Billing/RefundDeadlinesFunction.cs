using PenguinMails.Admin.Billing;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Billing;

/// <summary>Hourly: reminds on refund tickets waiting 3 days for Stripe's confirmation, and escalates them at 7 days.</summary>
public sealed class RefundDeadlinesFunction(RefundDeadlines deadlines) : ITriggeredFunction
{
    public const string Schedule = "0 5 * * * *";

    public async Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        var acted = await deadlines.RunAsync(cancellationToken);
        invocation.Logs.Add($"Refund deadlines: {acted} reminder(s) or escalation(s).");
    }
}

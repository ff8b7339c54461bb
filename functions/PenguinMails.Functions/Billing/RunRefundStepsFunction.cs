using PenguinMails.Admin.Billing;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Billing;

/// <summary>Runs a refund request's first steps (verify the duplicate, open the ticket); the message is the request id.</summary>
public sealed class RunRefundStepsFunction(RefundVerificationStep step) : ITriggeredFunction
{
    public async Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        var request = await step.RunAsync(invocation.Payload.Trim(), cancellationToken);
        invocation.Logs.Add($"Refund request {request.Id} is {request.Status}.");
    }
}

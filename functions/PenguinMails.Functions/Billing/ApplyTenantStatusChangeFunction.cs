using System.Text.Json;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Events;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Billing;

/// <summary>Consumes <c>tenant-status-changes</c> (Service Bus in Azure) and has the Tenants feature set the tenant's status from billing.</summary>
public sealed class ApplyTenantStatusChangeFunction(BillingStatusService statuses) : ITriggeredFunction
{
    public async Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        var message = JsonSerializer.Deserialize<IntegrationEvent>(invocation.Payload, JsonSerializerOptions.Web)
            ?? throw new FormatException("Empty tenant status message.");
        if (!BillingStatusReported.IsOfType(message.Type))
        {
            invocation.Logs.Add($"Ignored {message.Type} {message.Id}: not a billing status report.");
            return;
        }
        var report = message.Data.Deserialize<BillingStatusReported>(JsonSerializerOptions.Web) ?? throw new FormatException("Empty status report.");
        var result = await statuses.ApplyAsync(report, message.CorrelationId, cancellationToken);
        invocation.Logs.Add($"{report.StripeEventId}: {result.Outcome}");
    }
}

using System.Text.Json;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Events;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Billing;

/// <summary>Consumes <c>tenant-status-changes</c> (Service Bus in Azure) and sets the tenant's status from billing.</summary>
public sealed class ApplyTenantStatusChangeFunction(BillingStatusService statuses) : ITriggeredFunction
{
    public const string Name = "ApplyTenantStatusChange";

    public async Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        var message = JsonSerializer.Deserialize<IntegrationEvent>(invocation.Payload, JsonSerializerOptions.Web)
            ?? throw new FormatException("Empty tenant status message.");
        if (message.Type != TenantStatusChanged.EventType)
        {
            invocation.Logs.Add($"Ignored {message.Type} {message.Id}: not a tenant status change.");
            return;
        }
        var change = message.Data.Deserialize<TenantStatusChanged>(JsonSerializerOptions.Web) ?? throw new FormatException("Empty status change.");
        var result = await statuses.ApplyAsync(change, message.CorrelationId, cancellationToken);
        invocation.Logs.Add(result.Applied
            ? $"Tenant {change.TenantId}: {result.Previous?.ToString() ?? "none"} -> {result.Current} ({change.StripeEventId})."
            : $"Tenant {change.TenantId}: {change.StripeEventId} is older than the status already applied, or a repeat; unchanged.");
    }
}

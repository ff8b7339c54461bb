using Microsoft.Extensions.Logging;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>
/// Raises a failed workflow's alert as a <c>WorkflowFailed</c> integration event on <see cref="EventDestinations.AdminAlerts"/>,
/// and logs it as an error, which Application Insights alert rules pick up.
/// </summary>
public sealed partial class EventBusWorkflowAlertSink(IIntegrationEventBus bus, TimeProvider time, ILogger<EventBusWorkflowAlertSink> logger)
    : IWorkflowAlertSink
{
    public const string EventType = "WorkflowFailed";

    public async Task RaiseAsync(WorkflowFailureAlert alert, CancellationToken cancellationToken = default)
    {
        LogFailed(alert.Type, alert.InstanceId, alert.Execution, alert.Error);
        await bus.PublishAsync(EventDestinations.AdminAlerts, IntegrationEvent.Create(EventType, alert, time.GetUtcNow(), alert.InstanceId),
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow {WorkflowType} {InstanceId} (execution {Execution}) failed: {Error}")]
    private partial void LogFailed(string workflowType, string instanceId, int execution, string? error);
}

using System.Text.Json;
using PenguinMails.Admin.Workflows;
using static PenguinMails.Admin.Workflows.WorkflowHistoryEventTypes;

namespace PenguinMails.Admin.Billing.Refunds;

/// <summary>
/// A refund request as finance sees it (GET /api/finance/refunds/{id}): a view of its workflow, whose id it shares.
/// The workflow is the only record; this reads its input, step outputs and history.
/// </summary>
public sealed record RefundRequest(
    string Id,
    string TenantId,
    string InvoiceId,
    string Reason,
    string RequestedBy,
    RefundRequestStatus Status,
    string? DuplicateChargeId,
    string? TicketId,
    string? Outcome,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? RemindedAt,
    DateTimeOffset? EscalatedAt,
    DateTimeOffset? CustomerNotificationDueAt,
    string? NotificationTicketId,
    WorkflowRuntimeStatus RuntimeStatus,
    string? CustomStatus,
    IReadOnlyList<RefundStep> History)
{
    public static RefundRequest From(WorkflowStatus workflow)
    {
        var instance = workflow.Instance;
        var input = instance.Input?.Deserialize<RefundInput>(JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"Refund workflow {instance.Id} has no input.");
        var progress = RefundProgress.Of(instance);
        var status = StatusOf(instance, progress);
        var thisRun = workflow.History.Skip(workflow.History.ToList().FindLastIndex(h => h.EventType == ExecutionStarted)).ToList();
        DateTimeOffset? Completed(string step) =>
            thisRun.LastOrDefault(h => h.EventType == ActivityCompleted && h.Name == step)?.Timestamp;
        return new RefundRequest(instance.Id, input.TenantId, input.InvoiceId, input.Reason, input.RequestedBy, status,
            progress.Verification?.DuplicateChargeId, progress.Ticket?.TicketId, OutcomeOf(instance, status, progress), instance.CreatedTime,
            instance.LastUpdatedTime, Completed(nameof(RemindOnRefundTicket)), Completed(nameof(EscalateRefundTicket)), progress.Notification?.DueAt,
            progress.Notification?.TicketId, instance.Status, instance.CustomStatus, workflow.History.Select(StepOf).OfType<RefundStep>().ToList());
    }

    private static RefundRequestStatus StatusOf(WorkflowInstance instance, RefundProgress progress) => instance.Status switch
    {
        WorkflowRuntimeStatus.Completed => progress.Verification is { Duplicate: false } ? RefundRequestStatus.Rejected : RefundRequestStatus.Completed,
        WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Terminated => RefundRequestStatus.Failed,
        _ => progress.Ticket is null ? RefundRequestStatus.Verifying : RefundRequestStatus.AwaitingRefund,
    };

    private static string? OutcomeOf(WorkflowInstance instance, RefundRequestStatus status, RefundProgress progress) => status switch
    {
        RefundRequestStatus.Rejected => progress.Verification?.Explanation,
        RefundRequestStatus.Completed => $"Refunded {progress.Confirmation?.ChargeId ?? progress.Verification?.DuplicateChargeId}"
            + (progress.Confirmation?.Reference is { } reference ? $" ({reference})." : "."),
        RefundRequestStatus.Failed => instance.Error ?? instance.CustomStatus,
        _ => null,
    };

    private static RefundStep? StepOf(WorkflowHistoryEvent line) => line.EventType switch
    {
        ExecutionStarted => new RefundStep("Requested", line.Timestamp, line.Detail),
        ActivityCompleted or EventReceived or EventTimedOut => new RefundStep(line.Name ?? line.EventType, line.Timestamp, line.Detail),
        ActivityFailed => new RefundStep($"{line.Name} ({line.Status})", line.Timestamp, line.Detail),
        ExecutionCompleted => new RefundStep("Completed", line.Timestamp, line.Detail),
        ExecutionFailed => new RefundStep("Failed", line.Timestamp, line.Detail),
        ExecutionTerminated => new RefundStep("Terminated", line.Timestamp, line.Detail),
        _ => null,
    };
}

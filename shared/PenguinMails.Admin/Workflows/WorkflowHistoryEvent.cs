namespace PenguinMails.Admin.Workflows;

/// <summary>
/// One line of an instance's history. For steps that ran, <see cref="DueTime"/> is when the step was due and
/// <see cref="StartedTime"/> when a worker started it (their difference is the scheduling latency).
/// </summary>
public sealed record WorkflowHistoryEvent(
    string EventType,
    string? Name,
    DateTimeOffset Timestamp,
    string? Status = null,
    string? Detail = null,
    DateTimeOffset? DueTime = null,
    DateTimeOffset? StartedTime = null);

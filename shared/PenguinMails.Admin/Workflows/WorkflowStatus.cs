namespace PenguinMails.Admin.Workflows;

/// <summary>An instance with its full history.</summary>
public sealed record WorkflowStatus(WorkflowInstance Instance, IReadOnlyList<WorkflowHistoryEvent> History);

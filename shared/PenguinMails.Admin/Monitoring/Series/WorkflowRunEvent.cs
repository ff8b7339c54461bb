namespace PenguinMails.Admin.Monitoring.Series;

/// <summary>A workflow execution starting, completing or failing, at the time it happened.</summary>
public sealed record WorkflowRunEvent(string Type, WorkflowRunEventKind Kind, DateTimeOffset At);

namespace PenguinMails.Admin.Workflows;

/// <summary>The alert a failed instance raises.</summary>
public sealed record WorkflowFailureAlert(string InstanceId, string Type, int Execution, string? Error, DateTimeOffset FailedAt, string StatusUrl);

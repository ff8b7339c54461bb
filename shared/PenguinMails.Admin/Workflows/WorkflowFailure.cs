namespace PenguinMails.Admin.Workflows;

/// <summary>An execution that failed: which, when, and why (the error of the step that gave up).</summary>
public sealed record WorkflowFailure(string InstanceId, string Type, int Execution, string Error, DateTimeOffset FailedAt);

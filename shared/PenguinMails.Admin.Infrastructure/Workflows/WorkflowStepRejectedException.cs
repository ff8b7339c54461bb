namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>A step failed in a way a retry cannot fix (a 4xx from the core); the retry policy lets it fail at once.</summary>
public sealed class WorkflowStepRejectedException(string message, Exception inner) : Exception(message, inner);

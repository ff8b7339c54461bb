namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>An instance gave up at a step; its message is the step's error, as admins read it on the instance.</summary>
public sealed class WorkflowFailedException(string message, Exception inner) : Exception(message, inner);

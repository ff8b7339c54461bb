namespace PenguinMails.Admin.Workflows;

/// <summary>Runs an <see cref="IWorkflowActivity"/>, retrying failures with <see cref="Retry"/>.</summary>
public sealed record ActivityStep(string Name, Type ActivityType, RetryPolicy Retry) : WorkflowStep(Name);

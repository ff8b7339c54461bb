namespace PenguinMails.Admin.Workflows;

/// <summary>A durable timer: the instance sleeps for <see cref="Delay"/> and then moves on.</summary>
public sealed record TimerStep(string Name, TimeSpan Delay) : WorkflowStep(Name);

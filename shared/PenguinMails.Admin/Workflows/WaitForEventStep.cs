namespace PenguinMails.Admin.Workflows;

/// <summary>
/// Waits for the external event <see cref="EventName"/>; its payload becomes this step's output. Without a
/// <see cref="Timeout"/> it waits for ever. On timeout the instance fails, or continues (at
/// <see cref="ContinueAtOnTimeout"/> when set, else at the next step) with the output <c>{"timedOut":true}</c>.
/// When the event arrives the instance continues at <see cref="ContinueAtOnEvent"/> when set, else at the next step.
/// </summary>
public sealed record WaitForEventStep(
    string Name,
    string EventName,
    TimeSpan? Timeout,
    WaitTimeoutAction OnTimeout,
    string? ContinueAtOnEvent = null,
    string? ContinueAtOnTimeout = null) : WorkflowStep(Name);

using DurableTask.Core.History;

namespace PenguinMails.Functions.Tests.Workflows.Crash;

/// <summary>One event of an instance's DTFx history: an activity's TaskScheduled (its name) and TaskCompleted (the schedule's id), timers, events.</summary>
public sealed record HistoryLine(EventType Type, int EventId, string? Name, int TaskScheduledId);

namespace PenguinMails.Admin.Workflows;

/// <summary>The engine's timings (configuration section <c>Workflows</c>).</summary>
public sealed class WorkflowOptions
{
    /// <summary>How long a worker owns an instance while it runs an activity; a crashed worker's lease runs out.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An activity still running after this long is cancelled and counts as a failed attempt.</summary>
    public TimeSpan ActivityTimeout { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>The sweeper re-drives instances overdue by more than this (their own work item should have come by then).</summary>
    public TimeSpan SweepGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest delay the work queue accepts; longer timers are chained.</summary>
    public TimeSpan MaxQueueDelay { get; set; } = TimeSpan.FromDays(6);

    /// <summary>Events raised but not yet awaited, kept per instance.</summary>
    public int MaxPendingEvents { get; set; } = 50;
}

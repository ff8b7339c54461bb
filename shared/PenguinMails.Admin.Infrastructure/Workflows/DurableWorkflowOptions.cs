namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>
/// The <c>Workflows</c> settings of the Durable Task Framework engine. The task hub defaults to one per
/// <c>Storage__Prefix</c>, so each environment (and each test) has its own queues and tables.
/// </summary>
public sealed class DurableWorkflowOptions
{
    /// <summary>The task hub name; default <c>PenguinMails</c> followed by the storage prefix's letters and digits.</summary>
    public string? TaskHub { get; set; }

    /// <summary>Whether this process runs the worker; the command-line modes never do.</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>Control queues; an instance's orchestration runs on the worker that holds its partition's lease.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>The longest wait between polls of an empty queue; below a second, an idle app picks up new work within it.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often a worker looks for partitions to take over (a dead worker's, or a new one's share).</summary>
    public TimeSpan LeaseAcquireInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a partition lease lasts unrenewed: a killed worker's instances move on after this.</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a dequeued activity message stays hidden: a killed worker's activity runs again after this.</summary>
    public TimeSpan WorkItemVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a dequeued orchestration message stays hidden: an instance whose episode a killed worker was running
    /// moves on after this (and after the lease), not before.
    /// </summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxConcurrentActivities { get; set; } = 16;

    public int MaxConcurrentOrchestrations { get; set; } = 16;

    /// <summary>Activity retries: attempts and the first interval, doubling up to <see cref="MaxRetryInterval"/>.</summary>
    public int MaxAttempts { get; set; } = 5;

    public TimeSpan FirstRetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryInterval { get; set; } = TimeSpan.FromMinutes(5);
}

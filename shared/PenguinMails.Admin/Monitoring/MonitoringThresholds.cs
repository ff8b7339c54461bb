namespace PenguinMails.Admin.Monitoring;

/// <summary>
/// When the alert timer raises an alert, and who is told. Every field is also a field of the <c>monitoring</c> settings section;
/// these defaults match that section's built-in defaults.
/// </summary>
public sealed record MonitoringThresholds
{
    /// <summary>Server errors (5xx) as a percentage of one function's requests over 5 minutes.</summary>
    public double ErrorRatePercent { get; init; } = 5;

    /// <summary>Below this many requests in 5 minutes a function's error rate and latency are not judged.</summary>
    public int MinimumRequests { get; init; } = 20;

    /// <summary>A function's p95 latency over 5 minutes, in milliseconds.</summary>
    public int P95LatencyMs { get; init; } = 2000;

    /// <summary>Messages in any one poison queue.</summary>
    public int PoisonMessages { get; init; } = 1;

    /// <summary>Age of the oldest waiting message in any queue, in seconds.</summary>
    public int OldestMessageAgeSeconds { get; init; } = 900;

    /// <summary>Messages waiting in any one queue.</summary>
    public int QueueBacklog { get; init; } = 1000;

    /// <summary>Failures of one timer or queue function in the last hour.</summary>
    public int FailedJobsPerHour { get; init; } = 10;

    /// <summary>Failed instances of one workflow type in the last hour.</summary>
    public int FailedWorkflowsPerHour { get; init; } = 1;

    /// <summary>A condition that still holds is raised again after this many minutes.</summary>
    public int RenotifyAfterMinutes { get; init; } = 60;

    /// <summary>
    /// Who is told: each alert's integration event carries these addresses, for the mail platform to deliver (this app
    /// sends no mail itself).
    /// </summary>
    public IReadOnlyList<string> AlertEmails { get; init; } = [];
}

namespace PenguinMails.Admin.Monitoring;

/// <summary>Runs and failures of one job (timer, queue function or workflow type) over a window.</summary>
public sealed record JobWindow(long Runs, long Failures);

/// <summary>
/// What GET /monitoring/jobs reports for one timer or queue function, or one workflow type.
/// <see cref="LastError"/> is sanitized: no secrets, no stack traces.
/// </summary>
public sealed record JobSummary(
    string Name,
    string Kind,
    JobWindow LastHour,
    JobWindow LastDay,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastFailureAt,
    string? LastError);

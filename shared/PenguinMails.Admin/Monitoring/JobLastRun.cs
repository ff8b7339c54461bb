namespace PenguinMails.Admin.Monitoring;

/// <summary>
/// The latest success and failure of a function as one machine saw them. <see cref="LastError"/> is already
/// sanitized (<see cref="ErrorText"/>). The monitoring API takes the latest across machines.
/// </summary>
public sealed record JobLastRun(string Function, string Machine, DateTimeOffset? LastSuccessAt, DateTimeOffset? LastFailureAt, string? LastError);

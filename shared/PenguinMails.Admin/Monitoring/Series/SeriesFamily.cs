namespace PenguinMails.Admin.Monitoring.Series;

/// <summary>Where a metric's points come from, and so what its optional name selects: an HTTP function, a queue, a job or a workflow type.</summary>
public enum SeriesFamily
{
    Requests,
    Queues,
    Jobs,
    Workflows,
}

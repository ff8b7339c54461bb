namespace PenguinMails.Admin.Monitoring.Series;

/// <summary>The names of the queues monitoring covers, resolved late, once every feature has registered its queues.</summary>
public sealed class MonitoredQueues(Func<IReadOnlyCollection<string>> names)
{
    private readonly Lazy<IReadOnlyCollection<string>> _names = new(names);

    public IReadOnlyCollection<string> Names => _names.Value;
}

namespace PenguinMails.Admin.Monitoring.Series;

/// <summary>
/// Durable per-minute queue samples. A queue's depth is the same whichever instance looks, so a minute holds one row per
/// queue, and a second sample in the same minute replaces the first.
/// </summary>
public interface IQueueSampleStore
{
    Task WriteAsync(IReadOnlyCollection<QueueSample> samples, CancellationToken cancellationToken = default);

    /// <summary>Every sample whose minute is in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    IAsyncEnumerable<QueueSample> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Deletes samples for minutes before <paramref name="before"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}

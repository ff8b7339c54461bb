using Azure;
using Azure.Storage.Queues;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Monitoring;

namespace PenguinMails.Admin.Infrastructure.Monitoring;

/// <summary>
/// Reads each queue's approximate depth, the insertion time of the message at its head (a peek, so messages
/// being processed right now are not seen), and the depth of its "-poison" queue.
/// </summary>
public sealed class StorageQueueStatsSource(StorageClients storage, Func<IReadOnlyCollection<string>> queueNames, TimeProvider time)
    : IQueueStatsSource
{
    public const string PoisonSuffix = "-poison";

    public async Task<IReadOnlyList<QueueStats>> GetAsync(CancellationToken cancellationToken = default)
    {
        var names = queueNames().Where(n => !n.EndsWith(PoisonSuffix, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return await Task.WhenAll(names.Select(name => StatsAsync(name, cancellationToken)));
    }

    private async Task<QueueStats> StatsAsync(string name, CancellationToken cancellationToken)
    {
        var poisonCount = await DepthAsync(storage.Queue(name + PoisonSuffix), cancellationToken) ?? 0;
        var queue = storage.Queue(name);
        if (await DepthAsync(queue, cancellationToken) is not { } depth)
        {
            return new QueueStats(name, false, 0, null, poisonCount);
        }
        TimeSpan? age = null;
        if (depth > 0 && await HeadInsertedOnAsync(queue, cancellationToken) is { } insertedOn)
        {
            var waited = time.GetUtcNow() - insertedOn;
            age = waited < TimeSpan.Zero ? TimeSpan.Zero : waited;
        }
        return new QueueStats(name, true, depth, age, poisonCount);
    }

    private static async Task<DateTimeOffset?> HeadInsertedOnAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await queue.PeekMessagesAsync(1, cancellationToken)).Value is [{ InsertedOn: { } insertedOn }, ..] ? insertedOn : null;
        }
        catch (FormatException)
        {
            return null; // a body that isn't base64 (enqueued by hand) can't be decoded; its age stays unknown
        }
    }

    private static async Task<long?> DepthAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCountLong;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}

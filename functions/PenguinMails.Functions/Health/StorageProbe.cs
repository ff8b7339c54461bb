using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Functions.Health;

/// <summary>
/// Whether storage answers: one cheap table query, bounded by the storage client's own retry and timeout.
/// The answer is reused for a second, so the anonymous health endpoint cannot multiply load on storage.
/// </summary>
public sealed class StorageProbe(StorageClients clients, TimeProvider time)
{
    private static readonly TimeSpan ReuseFor = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, bool Reachable)? _last;

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_last is { } last && time.GetUtcNow() - last.At < ReuseFor)
            {
                return last.Reachable;
            }
            var reachable = await ProbeAsync(cancellationToken);
            _last = (time.GetUtcNow(), reachable);
            return reachable;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in clients.Tables.QueryAsync(t => t.Name == clients.Names.Table("Health"), maxPerPage: 1, cancellationToken)
                               .AsPages().WithCancellation(cancellationToken))
            {
                break;
            }
            return true;
        }
        catch (Exception e) when (e is Azure.RequestFailedException or AggregateException or HttpRequestException or TaskCanceledException
                                      && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}

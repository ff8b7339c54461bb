namespace PenguinMails.Admin.Infrastructure.Audit;

/// <summary>
/// One lock per writer lane in this process. An append takes the first free lane from this instance's own starting
/// lane, else waits for a lane in turn; so appends in one process never collide on a head's ETag, up to N of them
/// run at once, and a lone writer stays on one lane.
/// </summary>
internal sealed class LaneLocks
{
    private readonly SemaphoreSlim[] _locks;
    private readonly int _first;
    private int _next;

    public LaneLocks(int lanes)
    {
        _locks = Enumerable.Range(0, lanes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
        // Instances start at different lanes, so two instances' first appends rarely share a head.
        _first = Random.Shared.Next(lanes);
    }

    public async Task<int> AcquireAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < _locks.Length; i++)
        {
            var lane = (_first + i) % _locks.Length;
            if (_locks[lane].Wait(0, CancellationToken.None))
            {
                return lane;
            }
        }
        var start = (int)((uint)Interlocked.Increment(ref _next) % (uint)_locks.Length);
        await _locks[start].WaitAsync(cancellationToken);
        return start;
    }

    public void Release(int lane) => _locks[lane].Release();
}

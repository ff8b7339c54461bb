namespace PenguinMails.Admin.FeatureFlags;

/// <summary>
/// The flags evaluation reads, held in memory. At most once per <see cref="FeatureFlagOptions.RefreshInterval"/> it
/// reads the store's change stamp (one point read) and reloads every flag only when the stamp moved, so a change
/// made on any instance is seen everywhere within seconds without a restart. Flags are compiled for evaluation
/// (<see cref="CompiledFlag"/>) once per load, so an unchanged stamp keeps their bucket caches warm.
/// </summary>
public sealed class FeatureFlagSnapshot(IFeatureFlagStore store, TimeProvider time, FeatureFlagOptions options)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile State? _state;

    public async ValueTask<IReadOnlyList<CompiledFlag>> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var state = _state;
        if (state is not null && time.GetUtcNow() - state.CheckedAt < options.RefreshInterval)
        {
            return state.Flags;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            state = _state;
            if (state is not null && now - state.CheckedAt < options.RefreshInterval)
            {
                return state.Flags;
            }
            // Read the stamp before the flags: a write in between leaves an old stamp, which only costs one extra reload.
            var stamp = await store.GetChangeStampAsync(cancellationToken);
            var flags = state is not null && stamp == state.Stamp
                ? state.Flags
                : (await store.LoadAllAsync(cancellationToken)).Select(f => new CompiledFlag(f)).ToList();
            _state = new State(flags, stamp, now);
            return flags;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops the snapshot after a write on this instance, so its own next evaluation sees the change at once.</summary>
    public void Invalidate() => _state = null;

    private sealed record State(IReadOnlyList<CompiledFlag> Flags, string? Stamp, DateTimeOffset CheckedAt);
}

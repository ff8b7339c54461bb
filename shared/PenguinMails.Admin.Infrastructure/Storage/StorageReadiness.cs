namespace PenguinMails.Admin.Infrastructure.Storage;

/// <summary>
/// Completes once <see cref="StorageInitializer"/> has created every table, queue and container, so background
/// listeners that start earlier in the host's start-up do not poll queues that do not exist yet.
/// </summary>
public sealed class StorageReadiness
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Waits until storage is ready, or until <paramref name="cancellationToken"/> fires (start-up failed or stopped).</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => ready.Task.WaitAsync(cancellationToken);

    internal void MarkReady() => ready.TrySetResult();
}

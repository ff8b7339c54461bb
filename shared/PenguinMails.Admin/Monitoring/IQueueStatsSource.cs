namespace PenguinMails.Admin.Monitoring;

/// <summary>Depth, oldest message age and poison count of every queue the app registers or listens to.</summary>
public interface IQueueStatsSource
{
    Task<IReadOnlyList<QueueStats>> GetAsync(CancellationToken cancellationToken = default);
}

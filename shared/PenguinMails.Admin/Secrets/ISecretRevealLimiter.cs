namespace PenguinMails.Admin.Secrets;

/// <summary>Limits how many secrets one staff member may reveal per window, shared by every instance.</summary>
public interface ISecretRevealLimiter
{
    /// <summary>Counts one reveal for <paramref name="staffId"/>; returns how long to wait when over the limit, else null.</summary>
    Task<TimeSpan?> AcquireAsync(string staffId, CancellationToken cancellationToken = default);
}

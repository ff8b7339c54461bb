using PenguinMails.Admin.Staff;

namespace PenguinMails.Admin.DataProtection;

/// <summary>
/// Deletes staff session records dead (expired or revoked) for longer than the sessions retention. The nightly
/// session sweeper removes most of them after a day already; this is the ceiling the settings promise.
/// </summary>
public sealed class SessionRetention(ISessionStore sessions) : IRetentionTarget
{
    public string Name => DataClasses.Sessions;

    public async Task<RetentionResult> EnforceAsync(RetentionDays retention, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        new(Name, 0, await sessions.DeleteExpiredAsync(now.AddDays(-retention.Sessions), cancellationToken));
}

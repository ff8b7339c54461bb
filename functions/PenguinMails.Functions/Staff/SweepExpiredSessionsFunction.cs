using PenguinMails.Admin.Staff;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Staff;

/// <summary>Nightly: deletes sessions that have been dead (expired or revoked) for a day, keeping the table small.</summary>
public sealed class SweepExpiredSessionsFunction(SessionService sessions) : ITriggeredFunction
{
    public const string Name = "SweepExpiredSessions";
    public const string Schedule = "0 15 2 * * *";
    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    public async Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        var deleted = await sessions.DeleteDeadAsync(Grace, cancellationToken);
        invocation.Logs.Add($"Deleted {deleted} dead sessions.");
    }
}

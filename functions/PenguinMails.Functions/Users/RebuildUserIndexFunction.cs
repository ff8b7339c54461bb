using PenguinMails.Admin.Infrastructure.Users;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Users;

/// <summary>
/// Rewrites a user's index rows when the write after a committed change failed. The user row is the truth, so this
/// is idempotent; a user deleted meanwhile has nothing to index.
/// </summary>
public sealed class RebuildUserIndexFunction(TablePlatformUserStore users) : ITriggeredFunction
{
    public const string Name = "RebuildUserIndex";

    public async Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        var userId = invocation.Payload.Trim();
        var found = await users.RebuildIndexAsync(userId, cancellationToken);
        invocation.Logs.Add(found ? $"Indexed user {userId}." : $"User {userId} does not exist; nothing to index.");
    }
}

using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Audit;

/// <summary>
/// Audit writes that a retried operation must not repeat. The log is append-only, so "once" means: look for an
/// event with the same action and target (and correlation id, when given) before appending.
/// </summary>
public static class AuditLogExtensions
{
    /// <summary>Whether an event with this action on this target was recorded since <paramref name="since"/>.</summary>
    public static async Task<bool> ContainsAsync(this IAuditLog audit, string action, string targetId, string? correlationId, DateTimeOffset since,
        CancellationToken cancellationToken = default)
    {
        var query = new AuditQuery(null, targetId, action, since, null);
        string? cursor = null;
        do
        {
            var page = await audit.QueryAsync(query, new PageRequest(PageRequest.MaxPageSize, cursor), cancellationToken);
            if (page.Items.Any(e => correlationId is null || e.CorrelationId == correlationId))
            {
                return true;
            }
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return false;
    }

    /// <summary>
    /// Appends <paramref name="entry"/> unless an event with its action, target and correlation id exists since
    /// <paramref name="since"/>; returns whether it appended.
    /// </summary>
    public static async Task<bool> AppendOnceAsync(this IAuditLog audit, AuditEntry entry, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        if (await audit.ContainsAsync(entry.Action, entry.TargetId, entry.Actor.CorrelationId, since, cancellationToken))
        {
            return false;
        }
        await audit.AppendAsync(entry, cancellationToken);
        return true;
    }
}

using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Users;

/// <summary>
/// Applies one batch of a long-running bulk operation, at least once and with its effect exactly once: each user is
/// read once, changed users are written 100 per transaction with the batch's key on the row, and the results are
/// saved last. A batch that already has results is not run again; a batch re-run after a crash recognises the users
/// it already changed by their key, reports them as changed, and only completes what is missing (their audit events
/// and effects), so no user is changed twice.
/// </summary>
public sealed class BulkUserBatchProcessor(IPlatformUserStore users, IBulkUserResultStore results, UserEffects effects, IAuditLog audit, TimeProvider time)
{
    public async Task<BulkBatchSummary> ProcessAsync(Actor actor, BulkUserBatch batch, CancellationToken cancellationToken = default)
    {
        if (await results.GetBatchAsync(batch.OperationId, batch.Index, cancellationToken) is { } done)
        {
            return BulkBatchSummary.Of(done);
        }
        var ids = await results.GetPlanAsync(batch.OperationId, batch.Index, cancellationToken);
        var command = batch.Command;
        var key = BulkUserPlan.BatchKey(batch.OperationId, batch.Index);
        var why = command.Reason ?? "";
        var found = await users.GetManyAsync(ids.Where(PlatformUserIds.IsValid).ToList(), cancellationToken);
        var outcome = new Dictionary<string, BulkItemResult>(StringComparer.Ordinal);
        var changes = new List<UserChange>();
        var earlier = new List<PlatformUser>();
        var now = time.GetUtcNow();
        foreach (var id in ids)
        {
            if (!found.TryGetValue(id, out var user))
            {
                outcome[id] = new BulkItemResult(id, BulkOutcome.Failed, BulkUserChanges.NotFound);
            }
            else if (user.Value.LastBulkBatch == key)
            {
                earlier.Add(user.Value);
                outcome[id] = new BulkItemResult(id, BulkOutcome.Changed, null);
            }
            else if (BulkUserChanges.Apply(command, user.Value, now) is var after && after == user.Value)
            {
                outcome[id] = new BulkItemResult(id, BulkOutcome.Unchanged, null);
            }
            else
            {
                changes.Add(new UserChange(user.Value, after with { LastBulkBatch = key }, user.ETag));
            }
        }
        var committed = new List<UserChange>();
        foreach (var (change, written) in changes.Zip(await users.UpdateManyAsync(changes, cancellationToken)))
        {
            outcome[written.UserId] = new BulkItemResult(written.UserId, written.Committed ? BulkOutcome.Changed : BulkOutcome.Failed, written.Error);
            if (written.Committed)
            {
                committed.Add(change);
            }
        }
        await AuditAsync(actor, command, why, committed, earlier, cancellationToken);
        await EffectsAsync(actor, command, committed, earlier, why, outcome, cancellationToken);
        var ordered = BulkItemResult.Named(ids.Select(id => outcome[id]), found);
        await results.SaveBatchAsync(batch.OperationId, batch.Index, ordered, cancellationToken);
        return BulkBatchSummary.Of(ordered);
    }

    private async Task AuditAsync(Actor actor, BulkUserCommand command, string why, List<UserChange> committed, List<PlatformUser> earlier,
        CancellationToken cancellationToken)
    {
        var action = AuditActions.UsersBulkItem(BulkUserChanges.ActionName(command.Action));
        var entries = committed.Select(c => Entry(actor, action, command.Action, c.Before, c.After, why)).ToList();
        foreach (var user in earlier)
        {
            // Changed by an earlier run of this batch, which may have crashed before or after auditing it.
            if (!await audit.ContainsAsync(action, user.Id, actor.CorrelationId, time.GetUtcNow().AddDays(-30), cancellationToken))
            {
                entries.Add(Entry(actor, action, command.Action, null, user, why));
            }
        }
        if (entries.Count > 0)
        {
            await audit.AppendManyAsync(entries, cancellationToken);
        }
    }

    private async Task EffectsAsync(Actor actor, BulkUserCommand command, List<UserChange> committed, List<PlatformUser> earlier, string why,
        Dictionary<string, BulkItemResult> outcome, CancellationToken cancellationToken)
    {
        var work = committed.Select(c => (c.After, Run: (Func<CancellationToken, Task>)(ct => effects.ApplyAsync(actor, c.Before, c.After, why, ct))))
            .Concat(earlier.Select(u => (After: u, Run: (Func<CancellationToken, Task>)(ct => RerunEffectsAsync(actor, command, u, why, ct)))));
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (item, ct) =>
        {
            try
            {
                await item.Run(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                lock (outcome)
                {
                    outcome[item.After.Id] = new BulkItemResult(item.After.Id, BulkOutcome.Changed, BulkUserChanges.EffectsFailed(e));
                }
            }
        });
    }

    /// <summary>
    /// The effects of a change an earlier run committed, which may or may not have run: revoking sessions is
    /// idempotent, and a ban's or unban's event is sent again (events are delivered at least once). A move's event is
    /// not, because the previous tenant is no longer known; its sessions are revoked again.
    /// </summary>
    private Task RerunEffectsAsync(Actor actor, BulkUserCommand command, PlatformUser user, string why, CancellationToken cancellationToken) =>
        command.Action switch
        {
            BulkUserAction.Ban => effects.ApplyAsync(actor, user with { Status = PlatformUserStatus.Active, BannedAt = null }, user, why, cancellationToken),
            BulkUserAction.Unban => effects.ApplyAsync(actor, user with { Status = PlatformUserStatus.Banned }, user, why, cancellationToken),
            BulkUserAction.MoveTenant => effects.RevokeQuietlyAsync(user, cancellationToken),
            _ => Task.CompletedTask,
        };

    private static AuditEntry Entry(Actor actor, string action, BulkUserAction kind, PlatformUser? before, PlatformUser after, string why) =>
        new(actor, action, "user", after.Id, before is null ? null : AuditEntry.Snapshot(BulkUserChanges.Audited(before, kind)),
            AuditEntry.Snapshot(BulkUserChanges.Audited(after, kind)), why);
}

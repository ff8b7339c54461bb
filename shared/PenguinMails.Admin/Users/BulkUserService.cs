using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Users;

/// <summary>
/// Bulk change-role, ban, unban and move-tenant over up to 10,000 users. Each user is changed completely or not at
/// all, and the report says which, user by user. Writes are batched (up to 100 users per storage transaction), and
/// the audit log gets one event per changed user plus one summary event.
/// </summary>
public sealed class BulkUserService(IPlatformUserStore users, PlatformUserService single, UserEffects effects, IAuditLog audit, TimeProvider time)
{
    public async Task<BulkUserReport> RunAsync(Actor actor, BulkUserCommand command, CancellationToken cancellationToken = default)
    {
        await CheckAsync(actor, command, cancellationToken);
        var why = Reason.Required(command.Reason);
        var ids = command.UserIds.Select(i => i?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        var found = await users.GetManyAsync(ids.Where(PlatformUserIds.IsValid).ToList(), cancellationToken);
        var results = new Dictionary<string, BulkItemResult>(StringComparer.Ordinal);
        var changes = new List<UserChange>();
        var now = time.GetUtcNow();
        foreach (var id in ids)
        {
            if (!found.TryGetValue(id, out var user))
            {
                results[id] = new BulkItemResult(id, BulkOutcome.Failed, BulkUserChanges.NotFound);
                continue;
            }
            var after = BulkUserChanges.Apply(command, user.Value, now);
            if (after == user.Value)
            {
                results[id] = new BulkItemResult(id, BulkOutcome.Unchanged, null);
                continue;
            }
            changes.Add(new UserChange(user.Value, after, user.ETag));
        }
        if (command.DryRun)
        {
            await PreviewAsync(changes, results, cancellationToken);
        }
        else
        {
            await ExecuteAsync(actor, command, why, changes, results, cancellationToken);
        }
        var ordered = BulkItemResult.Named(ids.Select(id => results[id]), found);
        var report = new BulkUserReport(command.DryRun, ordered, BulkSummary.Of(ordered));
        if (!command.DryRun)
        {
            await audit.AppendAsync(new AuditEntry(actor, AuditActions.UsersBulk, "users", ActionName(command.Action),
                After: AuditEntry.Snapshot(new { Action = ActionName(command.Action), command.Role, command.TenantId, report.Summary }), Reason: why,
                Outcome: report.Summary.Failed == 0 ? "success" : "partial"), cancellationToken);
        }
        return report;
    }

    private async Task PreviewAsync(List<UserChange> changes, Dictionary<string, BulkItemResult> results, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(changes, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (change, ct) =>
        {
            var movesEmail = change.Before.TenantId != change.After.TenantId || change.Before.Email != change.After.Email;
            var taken = movesEmail && await users.IsEmailTakenAsync(change.After.TenantId, change.After.Email, change.After.Id, ct);
            lock (results)
            {
                results[change.After.Id] = taken
                    ? new BulkItemResult(change.After.Id, BulkOutcome.Failed, $"conflict: '{change.After.Email}' is already a user of the target tenant.")
                    : new BulkItemResult(change.After.Id, BulkOutcome.Changed, null);
            }
        });
    }

    private async Task ExecuteAsync(Actor actor, BulkUserCommand command, string reason, List<UserChange> changes, Dictionary<string, BulkItemResult> results,
        CancellationToken cancellationToken)
    {
        var written = await users.UpdateManyAsync(changes, cancellationToken);
        var committed = new List<UserChange>();
        foreach (var (change, result) in changes.Zip(written))
        {
            results[result.UserId] = result.Committed ? new BulkItemResult(result.UserId, BulkOutcome.Changed, null)
                : new BulkItemResult(result.UserId, BulkOutcome.Failed, result.Error);
            if (result.Committed)
            {
                committed.Add(change);
            }
        }
        // Record the committed changes first: they happened, whatever the follow-up effects do next.
        await audit.AppendManyAsync(committed.Select(c => new AuditEntry(actor, AuditActions.UsersBulkItem(ActionName(command.Action)), "user", c.After.Id,
            AuditEntry.Snapshot(BulkUserChanges.Audited(c.Before, command.Action)), AuditEntry.Snapshot(BulkUserChanges.Audited(c.After, command.Action)), reason)).ToList(),
            cancellationToken);
        await Parallel.ForEachAsync(committed, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (change, ct) =>
        {
            try
            {
                await effects.ApplyAsync(actor, change.Before, change.After, reason, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                lock (results)
                {
                    results[change.After.Id] = new BulkItemResult(change.After.Id, BulkOutcome.Changed, BulkUserChanges.EffectsFailed(e));
                }
            }
        });
    }

    /// <summary>
    /// Everything a run checks before it changes anyone: the command, the extra permissions, the reason, and for a
    /// move that the target tenant is open; throws 400, 403 or 404.
    /// </summary>
    public async Task CheckAsync(Actor actor, BulkUserCommand command, CancellationToken cancellationToken = default)
    {
        Validate(actor, command);
        Reason.Required(command.Reason);
        if (command.Action == BulkUserAction.MoveTenant)
        {
            await single.EnsureOpenTenantAsync(command.TenantId!, "parameters.tenantId", cancellationToken);
        }
    }

    /// <summary>Checks the command and the extra permission ban and unban need; throws 400 or 403.</summary>
    public static void Validate(Actor actor, BulkUserCommand command)
    {
        new Validator()
            .When(command.UserIds.Count > BulkUserCommand.MaxUsers, "userIds", $"At most {BulkUserCommand.MaxUsers} user ids per call.")
            .When(command.Action == BulkUserAction.ChangeRole && !PlatformUserRoles.Exists(command.Role), "parameters.role",
                $"change-role needs parameters.role, one of: {PlatformUserRoles.Describe()}.")
            .When(command.Action == BulkUserAction.MoveTenant && string.IsNullOrWhiteSpace(command.TenantId), "parameters.tenantId",
                "move-tenant needs parameters.tenantId.")
            .When(command.Action is not (BulkUserAction.ChangeRole) && command.Role is not null, "parameters.role", "Only change-role takes a role.")
            .When(command.Action is not (BulkUserAction.MoveTenant) && command.TenantId is not null, "parameters.tenantId", "Only move-tenant takes a tenantId.")
            .ThrowIfInvalid();
        if (command.Action is BulkUserAction.Ban or BulkUserAction.Unban && !actor.Has(Permissions.UsersBan))
        {
            throw AdminException.Forbidden("Banning and unbanning in bulk also needs users.ban.");
        }
        if (command.Action is BulkUserAction.ChangeRole && !actor.Has(Permissions.UsersChangeRole))
        {
            throw AdminException.Forbidden($"Changing roles in bulk also needs {Permissions.UsersChangeRole}.");
        }
    }

    public static string ActionName(BulkUserAction action) => BulkUserChanges.ActionName(action);
}

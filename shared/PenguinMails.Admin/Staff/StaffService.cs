using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Staff;

/// <summary>
/// Staff management. Anything that shrinks someone's access (removing a role, suspending, offboarding)
/// rotates their security stamp and revokes their sessions in the same call, before it returns.
/// </summary>
public sealed class StaffService(IStaffStore staff, ISessionStore sessions, StaffGuards guards, IAuditLog audit, TimeProvider time)
{
    public async Task<Versioned<StaffMember>> CreateAsync(Actor actor, string? email, string? displayName, IReadOnlyList<string>? roles,
        string? reason, CancellationToken cancellationToken = default)
    {
        var validator = new Validator().Email("email", email).Require("displayName", displayName, 200);
        ValidateRoles(validator, roles);
        validator.ThrowIfInvalid();
        guards.EnsureCanGrant(actor, roles!);
        var member = new StaffMember(SessionTokens.NewId(), email!.Trim().ToLowerInvariant(), displayName!.Trim(), roles!.Distinct().ToList(),
            StaffStatus.Active, SessionTokens.NewId(), time.GetUtcNow(), null);
        var created = await staff.CreateAsync(member, cancellationToken);
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.StaffCreate, "staff", member.Id, After: AuditEntry.Snapshot(View(member)),
            Reason: Reason.Optional(reason)), cancellationToken);
        return created;
    }

    public async Task<Versioned<StaffMember>> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await staff.GetAsync(id, cancellationToken) ?? throw AdminException.NotFound("Staff member", id);

    public async Task<Versioned<StaffMember>> SetRolesAsync(Actor actor, string id, IReadOnlyList<string>? roles, string? ifMatch, string? reason,
        CancellationToken cancellationToken = default)
    {
        var validator = new Validator();
        ValidateRoles(validator, roles, allowEmpty: true);
        validator.ThrowIfInvalid();
        var current = await GetAsync(id, cancellationToken);
        var before = current.Value;
        var after = roles!.Distinct().ToList();
        var removed = before.Roles.Except(after).ToList();
        guards.EnsureNotSelf(actor, id, "change your own roles");
        guards.EnsureCanGrant(actor, after.Except(before.Roles));
        if (removed.Contains(RoleCatalog.SuperAdmin))
        {
            await guards.EnsureAnotherActiveSuperAdminAsync(id, cancellationToken);
        }
        var changed = before with { Roles = after, SecurityStamp = removed.Count > 0 ? SessionTokens.NewId() : before.SecurityStamp };
        var updated = await staff.UpdateAsync(changed, ifMatch ?? current.ETag, cancellationToken);
        if (removed.Count > 0)
        {
            await sessions.RevokeAllAsync(id, time.GetUtcNow(), cancellationToken);
        }
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.StaffRolesSet, "staff", id, AuditEntry.Snapshot(new { before.Roles }),
            AuditEntry.Snapshot(new { Roles = after }), Reason.Optional(reason)), cancellationToken);
        return updated;
    }

    public async Task<int> RevokeSessionsAsync(Actor actor, string id, string? reason, CancellationToken cancellationToken = default)
    {
        var why = Reason.Required(reason);
        await GetAsync(id, cancellationToken);
        var revoked = await sessions.RevokeAllAsync(id, time.GetUtcNow(), cancellationToken);
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.StaffSessionsRevoke, "staff", id, After: AuditEntry.Snapshot(new { revoked }), Reason: why),
            cancellationToken);
        return revoked;
    }

    public Task<Versioned<StaffMember>> SuspendAsync(Actor actor, string id, string? reason, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(actor, id, StaffStatus.Suspended, AuditActions.StaffSuspend, Reason.Required(reason), cancellationToken);

    public Task<Versioned<StaffMember>> ReactivateAsync(Actor actor, string id, string? reason, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(actor, id, StaffStatus.Active, AuditActions.StaffReactivate, Reason.Required(reason), cancellationToken);

    /// <summary>Marks the member offboarded (the last access step of the offboarding workflow).</summary>
    public Task<Versioned<StaffMember>> MarkOffboardedAsync(Actor actor, string id, string reason, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(actor, id, StaffStatus.Offboarded, AuditActions.StaffOffboard, reason, cancellationToken);

    private async Task<Versioned<StaffMember>> ChangeStatusAsync(Actor actor, string id, StaffStatus status, string action, string reason,
        CancellationToken cancellationToken)
    {
        var current = await GetAsync(id, cancellationToken);
        var before = current.Value;
        if (before.Status == status)
        {
            return current;
        }
        if (before.Status == StaffStatus.Offboarded)
        {
            throw AdminException.Conflict("An offboarded staff member cannot change status; create a new account.");
        }
        var shrinking = status != StaffStatus.Active;
        if (shrinking)
        {
            guards.EnsureNotSelf(actor, id, "suspend yourself");
            if (before.Roles.Contains(RoleCatalog.SuperAdmin))
            {
                await guards.EnsureAnotherActiveSuperAdminAsync(id, cancellationToken);
            }
        }
        var changed = before with { Status = status, SecurityStamp = shrinking ? SessionTokens.NewId() : before.SecurityStamp };
        var updated = await staff.UpdateAsync(changed, current.ETag, cancellationToken);
        if (shrinking)
        {
            await sessions.RevokeAllAsync(id, time.GetUtcNow(), cancellationToken);
        }
        await audit.AppendAsync(new AuditEntry(actor, action, "staff", id, AuditEntry.Snapshot(new { before.Status }),
            AuditEntry.Snapshot(new { Status = status }), reason), cancellationToken);
        return updated;
    }

    private static void ValidateRoles(Validator validator, IReadOnlyList<string>? roles, bool allowEmpty = false)
    {
        if (roles is null || (!allowEmpty && roles.Count == 0))
        {
            validator.Add("roles", "At least one role is required.");
            return;
        }
        foreach (var role in roles.Where(r => !RoleCatalog.Exists(r)))
        {
            validator.Add("roles", $"'{role}' is not a role. See GET /api/roles.");
        }
    }

    private static object View(StaffMember m) => new { m.Email, m.DisplayName, m.Roles, Status = m.Status.ToString() };
}

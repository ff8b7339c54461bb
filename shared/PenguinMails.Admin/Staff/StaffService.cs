using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Staff;

/// <summary>
/// Staff management. Anything that shrinks someone's access (removing a role, suspending, offboarding)
/// rotates their security stamp and revokes their sessions in the same call: the sessions first, then the member row.
/// Requests authenticate from the session row alone, so that order is what makes the change hold on every instance:
/// if the member write then fails, the change is not made and the person only has to sign in again.
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

    public Task<Page<StaffMember>> ListAsync(StaffFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        staff.ListAsync(filter, page, cancellationToken);

    /// <summary>
    /// The signed-in member as this session sees them: the roles are the session's (what this request is allowed),
    /// not the row's, which a promotion may have widened until the next sign-in. Unauthenticated when the member is gone.
    /// </summary>
    public async Task<StaffMember> GetSignedInAsync(Actor actor, CancellationToken cancellationToken = default) =>
        ((await staff.GetAsync(actor.Id, cancellationToken))?.Value ?? throw AdminException.Unauthenticated()) with { Roles = actor.Roles };

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
        guards.EnsureOutranks(actor, before, "change the roles");
        guards.EnsureCanGrant(actor, after.Except(before.Roles));
        if (removed.Contains(RoleCatalog.SuperAdmin))
        {
            await guards.EnsureAnotherActiveSuperAdminAsync(id, cancellationToken);
        }
        ETags.EnsureMatches(ifMatch, current.ETag);
        var changed = before with { Roles = after, SecurityStamp = removed.Count > 0 ? SessionTokens.NewId() : before.SecurityStamp };
        if (removed.Count > 0)
        {
            await sessions.RevokeAllAsync(id, time.GetUtcNow(), cancellationToken);
        }
        var updated = await staff.UpdateAsync(changed, current.ETag, cancellationToken);
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.StaffRolesSet, "staff", id, AuditEntry.Snapshot(new { before.Roles }),
            AuditEntry.Snapshot(new { Roles = after }), Reason.Optional(reason)), cancellationToken);
        return updated;
    }

    public async Task<int> RevokeSessionsAsync(Actor actor, string id, string? reason, CancellationToken cancellationToken = default)
    {
        var why = Reason.Required(reason);
        var member = (await GetAsync(id, cancellationToken)).Value;
        guards.EnsureOutranks(actor, member, "revoke the sessions");
        return await RevokeAndAuditAsync(actor, id, why, [], cancellationToken);
    }

    public Task<Versioned<StaffMember>> SuspendAsync(Actor actor, string id, string? reason, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(actor, id, StaffStatus.Suspended, AuditActions.StaffSuspend, Reason.Required(reason), null, cancellationToken);

    public Task<Versioned<StaffMember>> ReactivateAsync(Actor actor, string id, string? reason, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(actor, id, StaffStatus.Active, AuditActions.StaffReactivate, Reason.Required(reason), null, cancellationToken);

    /// <summary>Marks the member offboarded (the last access step of the offboarding workflow).</summary>
    public Task<Versioned<StaffMember>> MarkOffboardedAsync(Actor actor, string id, string reason, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(actor, id, StaffStatus.Offboarded, AuditActions.StaffOffboard, reason, null, cancellationToken);

    /// <summary>
    /// Emergency revocation's synchronous part: suspends an active member, or revokes the sessions of one who is not.
    /// A security officer may do this to anyone (the incident path); the roles it overrode are in the audit event.
    /// </summary>
    public async Task EmergencyCutAccessAsync(Actor actor, string id, string reason, CancellationToken cancellationToken = default)
    {
        var member = (await GetAsync(id, cancellationToken)).Value;
        guards.EnsureNotSelf(actor, id, "revoke your own access");
        var overridden = StaffGuards.IsIncidentResponder(actor) ? StaffGuards.RolesAbove(actor, member) : [];
        if (overridden.Count == 0)
        {
            guards.EnsureOutranks(actor, member, "revoke the access");
        }
        if (member.Status == StaffStatus.Active)
        {
            await ChangeStatusAsync(actor, id, StaffStatus.Suspended, AuditActions.StaffSuspend, reason, overridden, cancellationToken);
        }
        else
        {
            await RevokeAndAuditAsync(actor, id, reason, overridden, cancellationToken);
        }
    }

    private async Task<int> RevokeAndAuditAsync(Actor actor, string id, string reason, IReadOnlyList<string> overridden, CancellationToken cancellationToken)
    {
        var revoked = await sessions.RevokeAllAsync(id, time.GetUtcNow(), cancellationToken);
        object after = overridden.Count == 0 ? new { revoked } : new { revoked, IncidentOverride = overridden };
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.StaffSessionsRevoke, "staff", id, After: AuditEntry.Snapshot(after), Reason: reason),
            cancellationToken);
        return revoked;
    }

    /// <param name="incidentOverride">null on the normal path (the hierarchy applies); the overridden roles on the incident path.</param>
    private async Task<Versioned<StaffMember>> ChangeStatusAsync(Actor actor, string id, StaffStatus status, string action, string reason,
        IReadOnlyList<string>? incidentOverride, CancellationToken cancellationToken)
    {
        var current = await GetAsync(id, cancellationToken);
        var before = current.Value;
        if (incidentOverride is null)
        {
            guards.EnsureOutranks(actor, before, "change the status");
        }
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
        if (shrinking)
        {
            await sessions.RevokeAllAsync(id, time.GetUtcNow(), cancellationToken);
        }
        var updated = await staff.UpdateAsync(changed, current.ETag, cancellationToken);
        object after = incidentOverride is { Count: > 0 } ? new { Status = status, IncidentOverride = incidentOverride } : new { Status = status };
        await audit.AppendAsync(new AuditEntry(actor, action, "staff", id, AuditEntry.Snapshot(new { before.Status }), AuditEntry.Snapshot(after), reason),
            cancellationToken);
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

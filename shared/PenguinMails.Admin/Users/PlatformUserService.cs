using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Tenants;

namespace PenguinMails.Admin.Users;

/// <summary>Managing one platform user at a time: create, edit, ban, unban, revoke sessions. Every change is audited.</summary>
public sealed class PlatformUserService(IPlatformUserStore users, TenantService tenants, UserEffects effects, IAuditLog audit, TimeProvider time)
{
    public async Task<Versioned<PlatformUser>> CreateAsync(Actor actor, string? tenantId, string? email, string? displayName, string? role, string? reason,
        CancellationToken cancellationToken = default)
    {
        new Validator().Require("tenantId", tenantId, 64).Email("email", email).Require("displayName", displayName, SearchText.MaxLength)
            .When(!PlatformUserRoles.Exists(role), "role", $"role must be one of: {PlatformUserRoles.Describe()}.").ThrowIfInvalid();
        var why = Reason.Optional(reason);
        await EnsureOpenTenantAsync(tenantId!, "tenantId", cancellationToken);
        var user = new PlatformUser(PlatformUserIds.New(), tenantId!, email!.Trim().ToLowerInvariant(), displayName!.Trim(), role!, PlatformUserStatus.Active,
            time.GetUtcNow(), null, null);
        var created = await users.CreateAsync(user, cancellationToken);
        await audit.AppendAsync(new AuditEntry(actor, "users.create", "user", user.Id, After: AuditEntry.Snapshot(user), Reason: why), cancellationToken);
        return created;
    }

    public async Task<Versioned<PlatformUser>> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (PlatformUserIds.IsValid(id) ? await users.GetAsync(id, cancellationToken) : null) ?? throw AdminException.NotFound("User", id);

    public Task<Page<PlatformUser>> SearchAsync(UserFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        users.SearchAsync(filter, page, cancellationToken);

    public IAsyncEnumerable<PlatformUser> StreamAsync(UserFilter filter, CancellationToken cancellationToken = default) =>
        users.StreamAsync(filter, cancellationToken);

    public async Task<Versioned<PlatformUser>> UpdateAsync(Actor actor, string id, UserPatch patch, string? ifMatch, string? reason,
        CancellationToken cancellationToken = default)
    {
        var validator = new Validator();
        if (patch.DisplayName is not null)
        {
            validator.Require("displayName", patch.DisplayName, SearchText.MaxLength);
        }
        validator.When(patch.Role is not null && !PlatformUserRoles.Exists(patch.Role), "role", $"role must be one of: {PlatformUserRoles.Describe()}.")
            .OptionalEmail("email", patch.Email).ThrowIfInvalid();
        var why = Reason.Optional(reason);
        var current = await GetAsync(id, cancellationToken);
        ETags.EnsureMatches(ifMatch, current.ETag);
        var before = current.Value;
        var after = before with
        {
            DisplayName = patch.DisplayName?.Trim() ?? before.DisplayName,
            Role = patch.Role ?? before.Role,
            Email = patch.Email?.Trim().ToLowerInvariant() ?? before.Email,
        };
        if (after == before)
        {
            return current;
        }
        if (after.Role != before.Role && !actor.Has(Permissions.UsersChangeRole))
        {
            throw AdminException.Forbidden($"Changing a user's role needs {Permissions.UsersChangeRole}.");
        }
        var updated = await users.UpdateAsync(before, after, current.ETag, cancellationToken);
        await audit.AppendAsync(new AuditEntry(actor, "users.update", "user", id, AuditEntry.Snapshot(Editable(before)), AuditEntry.Snapshot(Editable(after)),
            why), cancellationToken);
        return updated;
    }

    /// <summary>Bans the user and revokes their sessions. Banning a banned user revokes anything still live and changes nothing else.</summary>
    public async Task<Versioned<PlatformUser>> BanAsync(Actor actor, string id, string? reason, CancellationToken cancellationToken = default)
    {
        var why = Reason.Required(reason);
        var current = await GetAsync(id, cancellationToken);
        if (current.Value.Status == PlatformUserStatus.Banned)
        {
            await effects.RevokeQuietlyAsync(current.Value, cancellationToken);
            return current;
        }
        var after = current.Value with { Status = PlatformUserStatus.Banned, BannedAt = time.GetUtcNow() };
        var updated = await users.UpdateAsync(current.Value, after, current.ETag, cancellationToken);
        var revoked = await effects.ApplyAsync(actor, current.Value, after, why, cancellationToken);
        await audit.AppendAsync(new AuditEntry(actor, "users.ban", "user", id, AuditEntry.Snapshot(new { Status = "active" }),
            AuditEntry.Snapshot(new { Status = "banned", SessionsRevoked = revoked }), why), cancellationToken);
        return updated;
    }

    public async Task<Versioned<PlatformUser>> UnbanAsync(Actor actor, string id, string? reason, CancellationToken cancellationToken = default)
    {
        var why = Reason.Required(reason);
        var current = await GetAsync(id, cancellationToken);
        if (current.Value.Status != PlatformUserStatus.Banned)
        {
            return current;
        }
        var after = current.Value with { Status = PlatformUserStatus.Active, BannedAt = null };
        var updated = await users.UpdateAsync(current.Value, after, current.ETag, cancellationToken);
        await effects.ApplyAsync(actor, current.Value, after, why, cancellationToken);
        await audit.AppendAsync(new AuditEntry(actor, "users.unban", "user", id, AuditEntry.Snapshot(new { Status = "banned" }),
            AuditEntry.Snapshot(new { Status = "active" }), why), cancellationToken);
        return updated;
    }

    public async Task<int> RevokeSessionsAsync(Actor actor, string id, string? reason, CancellationToken cancellationToken = default)
    {
        var why = Reason.Required(reason);
        var user = await GetAsync(id, cancellationToken);
        var revoked = await effects.RevokeSessionsAsync(actor, user.Value, why, cancellationToken);
        await audit.AppendAsync(new AuditEntry(actor, "users.sessions.revoke", "user", id, After: AuditEntry.Snapshot(new { revoked }), Reason: why),
            cancellationToken);
        return revoked;
    }

    /// <summary>The tenant a user is created in or moved to must exist and still be open.</summary>
    public async Task EnsureOpenTenantAsync(string tenantId, string field, CancellationToken cancellationToken)
    {
        Tenant tenant;
        try
        {
            tenant = (await tenants.GetAsync(tenantId, cancellationToken)).Value;
        }
        catch (AdminException e) when (e.Status == 404)
        {
            throw AdminException.Validation(field, $"Tenant '{tenantId}' does not exist.");
        }
        if (!TenantStatusMachine.IsOpen(tenant.Status))
        {
            throw AdminException.Conflict($"The tenant is {TenantStatusMachine.Name(tenant.Status)}; it can no longer have users added.", "tenant_closed");
        }
    }

    private static object Editable(PlatformUser u) => new { u.Email, u.DisplayName, u.Role };
}

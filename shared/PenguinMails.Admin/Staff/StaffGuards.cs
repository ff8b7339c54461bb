using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Staff;

/// <summary>The rules that keep staff management from locking the platform out or escalating privilege.</summary>
public sealed class StaffGuards(IStaffStore staff)
{
    public void EnsureNotSelf(Actor actor, string targetId, string what)
    {
        if (actor.Id == targetId)
        {
            throw AdminException.Forbidden($"You cannot {what}; ask another administrator.");
        }
    }

    /// <summary>Nobody grants a role whose permissions they don't hold themselves.</summary>
    public void EnsureCanGrant(Actor actor, IEnumerable<string> roles)
    {
        foreach (var role in roles)
        {
            var missing = RoleCatalog.Find(role)?.Permissions.Where(p => !actor.Has(p)).ToList() ?? [];
            if (missing.Count > 0)
            {
                throw AdminException.Forbidden($"You cannot grant '{role}': you do not hold {string.Join(", ", missing)}.");
            }
        }
    }

    /// <summary>
    /// Nobody changes the roles or status of a member who holds a role whose permissions the actor lacks, so
    /// only a super-admin acts on a super-admin and an admin cannot lock every super-admin out.
    /// </summary>
    public void EnsureOutranks(Actor actor, StaffMember target, string what)
    {
        var above = RolesAbove(actor, target);
        if (above.Count > 0)
        {
            throw AdminException.Forbidden($"You cannot {what} of a member who holds '{string.Join("', '", above)}': you do not hold every permission of that role.",
                "role_hierarchy");
        }
    }

    /// <summary>The target's roles that carry a permission the actor lacks (empty when the actor outranks the target).</summary>
    public static IReadOnlyList<string> RolesAbove(Actor actor, StaffMember target) =>
        target.Roles.Where(role => RoleCatalog.Find(role)?.Permissions.Any(p => !actor.Has(p)) ?? false).ToList();

    /// <summary>
    /// Emergency revocation is the incident path: a security officer may cut anyone's access, whatever they hold.
    /// The override is named in the audit event.
    /// </summary>
    public static bool IsIncidentResponder(Actor actor) => actor.Roles.Contains(RoleCatalog.SecurityOfficer);

    /// <summary>The last active super-admin cannot be demoted, suspended or offboarded.</summary>
    public async Task EnsureAnotherActiveSuperAdminAsync(string targetId, CancellationToken cancellationToken)
    {
        await foreach (var member in staff.AllAsync(cancellationToken))
        {
            if (member.Id != targetId && member.Status == StaffStatus.Active && member.Roles.Contains(RoleCatalog.SuperAdmin))
            {
                return;
            }
        }
        throw AdminException.Conflict("This is the last active super-admin; promote another one first.", "last_super_admin");
    }
}

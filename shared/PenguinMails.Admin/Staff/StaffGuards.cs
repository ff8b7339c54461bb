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

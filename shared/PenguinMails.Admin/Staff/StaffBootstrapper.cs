using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Staff;

/// <summary>Creates the first super-admin from the command line, and refuses once one exists.</summary>
public sealed class StaffBootstrapper(IStaffStore staff, SessionService sessions, IAuditLog audit, TimeProvider time)
{
    public async Task<SignInResult> BootstrapAsync(string? email, CancellationToken cancellationToken = default)
    {
        new Validator().Email("email", email).ThrowIfInvalid();
        await foreach (var member in staff.AllAsync(cancellationToken))
        {
            if (member.Roles.Contains(RoleCatalog.SuperAdmin))
            {
                throw AdminException.Conflict("A super-admin already exists; sign in and create staff through the API.", "already_bootstrapped");
            }
        }
        var normalized = email!.Trim().ToLowerInvariant();
        var admin = new StaffMember(SessionTokens.NewId(), normalized, normalized, [RoleCatalog.SuperAdmin], StaffStatus.Active,
            SessionTokens.NewId(), time.GetUtcNow(), null);
        var created = await staff.CreateAsync(admin, cancellationToken);
        var issued = await sessions.IssueAsync(created.Value, "127.0.0.1", "bootstrap-admin", cancellationToken);
        await audit.AppendAsync(new AuditEntry(Actor.System("bootstrap-admin"), "staff.bootstrap", "staff", admin.Id,
            After: AuditEntry.Snapshot(new { admin.Email, admin.Roles })), cancellationToken);
        return new SignInResult(issued.Token, issued.Session.AbsoluteExpiresAt, issued.Member);
    }
}

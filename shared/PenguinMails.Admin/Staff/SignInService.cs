using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Staff;

/// <summary>Exchanges a verified Google ID token for a platform session. Every attempt is audited and throttled.</summary>
public sealed class SignInService(
    IIdTokenValidator validator,
    IStaffStore staff,
    SessionService sessions,
    ISignInThrottle throttle,
    IAuditLog audit)
{
    public const string Action = "auth.sign-in";
    public const int FailuresPerEmail = 5;
    public const int FailuresPerIp = 20;

    public async Task<SignInResult> SignInAsync(string? idToken, RequestOrigin origin, CancellationToken cancellationToken = default)
    {
        var ipKey = "ip:" + (origin.IpAddress ?? "unknown");
        await ThrowIfThrottledAsync(ipKey, FailuresPerIp, cancellationToken);
        if (string.IsNullOrWhiteSpace(idToken) || idToken.Length > 16_384)
        {
            throw AdminException.Validation("idToken", "idToken is required.");
        }
        var identity = await validator.ValidateAsync(idToken, cancellationToken);
        if (!identity.Succeeded)
        {
            await FailAsync(null, ipKey, identity.FailureReason ?? "invalid token", origin, cancellationToken);
        }
        var email = identity.Email!.ToLowerInvariant();
        var emailKey = "email:" + email;
        await ThrowIfThrottledAsync(emailKey, FailuresPerEmail, cancellationToken);
        var member = await staff.FindByEmailAsync(email, cancellationToken);
        if (member is null || member.Status != StaffStatus.Active || member.Roles.Count == 0)
        {
            var why = member is null ? "unknown staff member" : member.Status != StaffStatus.Active ? $"staff member is {member.Status.ToString().ToLowerInvariant()}" : "no roles";
            await FailAsync(email, ipKey, why, origin, cancellationToken, emailKey, member?.Id);
        }
        // Issuing records the sign-in on the member row (lastLoginAt) and refuses a member suspended meanwhile.
        var issued = await sessions.IssueAsync(member!, origin.IpAddress, origin.UserAgent, cancellationToken);
        await throttle.ResetAsync(emailKey, cancellationToken);
        await audit.AppendAsync(new AuditEntry(ActorFor(issued.Member.Id, email, origin), Action, "staff", issued.Member.Id), cancellationToken);
        return new SignInResult(issued.Token, issued.Session.AbsoluteExpiresAt, issued.Member);
    }

    private async Task ThrowIfThrottledAsync(string key, int limit, CancellationToken cancellationToken)
    {
        if (await throttle.RetryAfterAsync(key, limit, cancellationToken) is { } retryAfter)
        {
            throw AdminException.RateLimited(retryAfter, "Too many failed sign-in attempts. Try again later.");
        }
    }

    private async Task FailAsync(string? email, string ipKey, string reason, RequestOrigin origin, CancellationToken cancellationToken,
        string? emailKey = null, string? staffId = null)
    {
        await throttle.RecordFailureAsync(ipKey, cancellationToken);
        if (emailKey is not null)
        {
            await throttle.RecordFailureAsync(emailKey, cancellationToken);
        }
        await audit.AppendAsync(new AuditEntry(ActorFor(staffId ?? "anonymous", email ?? "unknown", origin), Action, "staff",
            staffId ?? email ?? "unknown", Reason: reason, Outcome: "failure"), cancellationToken);
        throw AdminException.Unauthenticated("Sign-in was refused.", "sign_in_refused");
    }

    private static Actor ActorFor(string id, string email, RequestOrigin origin) =>
        new(id, email, [], new HashSet<string>(), null, origin.IpAddress, origin.UserAgent, origin.CorrelationId);
}

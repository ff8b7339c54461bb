using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Staff;

namespace PenguinMails.Admin.Compliance.SignIns;

/// <summary>
/// One sign-in attempt, read from its <c>auth.sign-in</c> audit event. <see cref="Email"/> is null when the token
/// named nobody; <see cref="StaffId"/> is null when the email matched no staff member.
/// </summary>
public sealed record SignInAttempt(string EventId, DateTimeOffset Time, string? Email, string? StaffId, bool Succeeded, string? FailureReason,
    string? IpAddress, string? UserAgent)
{
    public static bool IsSignIn(AuditEvent e) => e.Action == SignInService.Action;

    public static SignInAttempt From(AuditEvent e)
    {
        var succeeded = e.Outcome == "success";
        return new SignInAttempt(e.Id, e.Time, e.ActorEmail is "unknown" or "" ? null : e.ActorEmail, e.ActorId == "anonymous" ? null : e.ActorId,
            succeeded, succeeded ? null : e.Reason, e.IpAddress, e.UserAgent);
    }
}

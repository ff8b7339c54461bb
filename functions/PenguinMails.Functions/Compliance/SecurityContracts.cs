using PenguinMails.Admin.Alerts;
using PenguinMails.Admin.Compliance.SignIns;

namespace PenguinMails.Functions.Compliance;

public enum LoginOutcome
{
    Succeeded,
    Failed,
}

/// <summary>One sign-in attempt. <c>email</c> is null when the token named nobody; <c>staffId</c> when it named no staff member.</summary>
public sealed record LoginEventResponse(string Id, DateTimeOffset Timestamp, string? Email, string? StaffId, LoginOutcome Outcome, string? FailureReason,
    string? Ip, string? UserAgent)
{
    public static LoginEventResponse From(SignInAttempt a) =>
        new(a.EventId, a.Time, a.Email, a.StaffId, a.Succeeded ? LoginOutcome.Succeeded : LoginOutcome.Failed, a.FailureReason, a.IpAddress, a.UserAgent);
}

/// <summary>A security alert. <c>createdAt</c> is when the activity happened; <c>raisedAt</c> when it was detected.</summary>
public sealed record SecurityAlertResponse(string Id, DateTimeOffset CreatedAt, AlertSeverity Severity, string Type, string Summary, string? ActorId,
    string? Ip, string? Subject, string Source, DateTimeOffset RaisedAt, IReadOnlyList<string> EventIds, IReadOnlyDictionary<string, string> Details,
    string? AuditEventId)
{
    public static SecurityAlertResponse From(SecurityAlert a) => new(a.Id, a.CreatedAt, a.Severity, a.Type, a.Summary,
        a.ActorId, a.IpAddress, a.Subject, a.Source, a.RaisedAt, a.EventIds, a.Details, a.AuditEventId);
}

namespace PenguinMails.Admin.Staff.Offboarding;

/// <summary>One audit event as the review lists it.</summary>
public sealed record ReviewedEvent(string EventId, DateTimeOffset Time, string Action, string TargetType, string TargetId, string? Reason);

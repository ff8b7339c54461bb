namespace PenguinMails.Admin.Compliance.Sources;

/// <summary>When someone asked for a staff member's access to be removed, and by whom (the offboarding workflow's start).</summary>
public sealed record OffboardingRequest(string StaffId, DateTimeOffset RequestedAt, string RequestedBy, string? WorkflowId);

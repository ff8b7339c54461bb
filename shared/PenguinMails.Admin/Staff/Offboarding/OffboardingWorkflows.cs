using PenguinMails.Admin.Security;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Staff.Offboarding;

/// <summary>
/// The staff workflows of Journey 5. Offboarding strips access step by step and ends with an audit review; the
/// emergency revocation's access steps happen synchronously in the request, so its workflow is the review alone,
/// with priority. One instance per staff member: the ids derive from the staff id.
/// </summary>
public static class OffboardingWorkflows
{
    public const string OffboardingType = "offboarding";
    public const string EmergencyRevocationType = "emergency-revocation";

    /// <summary>
    /// How far before an offboarding's start its first steps look for their own audit events: the request removes
    /// the roles and revokes the sessions just before it starts the workflow.
    /// </summary>
    public static readonly TimeSpan SynchronousLead = TimeSpan.FromMinutes(1);

    public static WorkflowDefinition Offboarding { get; } = new(OffboardingType,
        [nameof(RemoveRoles), nameof(RevokeSessions), nameof(MarkOffboarded), nameof(AuditReview)], Permissions.StaffOffboard);

    public static WorkflowDefinition EmergencyRevocation { get; } = new(EmergencyRevocationType, [nameof(AuditReview)], Permissions.StaffOffboard);

    public static string OffboardingId(string staffId) => $"{OffboardingType}-{staffId}";

    /// <summary>The staff id an offboarding instance id names, or null for an id not made by <see cref="OffboardingId"/>.</summary>
    public static string? StaffIdOf(string offboardingId) =>
        offboardingId.StartsWith(OffboardingType + "-", StringComparison.Ordinal) && offboardingId.Length > OffboardingType.Length + 1
            ? offboardingId[(OffboardingType.Length + 1)..]
            : null;

    public static string EmergencyRevocationId(string staffId) => $"{EmergencyRevocationType}-{staffId}";
}

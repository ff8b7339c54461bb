using PenguinMails.Admin.Security;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Users.Workflow;

/// <summary>
/// The <c>users-bulk</c> workflow: a real bulk run over more than <see cref="BulkUserPlan.SynchronousLimit"/> users
/// applies its batches (<see cref="ApplyBulkBatch"/>, a few at a time) and then records its summary
/// (<see cref="AuditBulkSummary"/>). Its instances are guarded by <c>users.bulk-edit</c>.
/// </summary>
public static class BulkUserWorkflows
{
    public const string Type = "users-bulk";

    /// <summary>Batches applied at once: enough to overlap storage round trips, few enough to leave the worker room.</summary>
    public const int Parallelism = 4;

    public static WorkflowDefinition Definition { get; } = new(Type, [nameof(ApplyBulkBatch), nameof(AuditBulkSummary)], Permissions.UsersBulkEdit);

    /// <summary>A new operation id: the workflow instance id, also the partition of the operation's plan and results.</summary>
    public static string NewId() => $"{Type}-{Guid.NewGuid():N}";
}

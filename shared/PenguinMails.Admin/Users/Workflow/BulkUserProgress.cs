namespace PenguinMails.Admin.Users.Workflow;

/// <summary>
/// How far a <c>users-bulk</c> instance is: batches and users done out of the total, and the outcomes so far. The
/// orchestration adds each finished batch's counts and publishes the result as the step's output and custom status.
/// </summary>
public sealed record BulkUserProgress(int BatchesDone, int Batches, int Done, int Total, int Changed, int Unchanged, int Failed)
{
    public static BulkUserProgress Start(BulkUserWorkflowInput input) => new(0, input.Batches, 0, input.Total, 0, 0, 0);

    public BulkUserProgress Add(IEnumerable<BulkBatchSummary> batches) => batches.Aggregate(this, (p, b) => p with
    {
        BatchesDone = p.BatchesDone + 1,
        Done = p.Done + b.Total,
        Changed = p.Changed + b.Changed,
        Unchanged = p.Unchanged + b.Unchanged,
        Failed = p.Failed + b.Failed,
    });

    /// <summary>The words of the custom status, e.g. "1000/10000 users: 990 changed, 5 unchanged, 5 failed".</summary>
    public string Describe() => $"{Done}/{Total} users: {Changed} changed, {Unchanged} unchanged, {Failed} failed";
}

namespace PenguinMails.Admin.Users;

/// <summary>
/// One batch of a long-running bulk operation: the operation (the workflow instance id), the batch's index, and the
/// command to apply to the batch's users (whose ids are in the operation's plan).
/// </summary>
public sealed record BulkUserBatch(string OperationId, int Index, BulkUserCommand Command);

/// <summary>The counts of one finished batch, which the workflow adds up into its progress.</summary>
public sealed record BulkBatchSummary(int Total, int Changed, int Unchanged, int Failed)
{
    public static BulkBatchSummary Of(IReadOnlyList<BulkItemResult> results)
    {
        var s = BulkSummary.Of(results);
        return new BulkBatchSummary(s.Total, s.Changed, s.Unchanged, s.Failed);
    }
}

namespace PenguinMails.Admin.Users;

public enum BulkOutcome
{
    Changed,
    Unchanged,
    Failed,
}

/// <summary>What happened to one user: changed (fully), unchanged (nothing to do), or failed (untouched) with the reason.</summary>
public sealed record BulkItemResult(string UserId, BulkOutcome Outcome, string? Error);

public sealed record BulkSummary(int Total, int Changed, int Unchanged, int Failed)
{
    public static BulkSummary Of(IReadOnlyList<BulkItemResult> results) => new(results.Count, results.Count(r => r.Outcome == BulkOutcome.Changed),
        results.Count(r => r.Outcome == BulkOutcome.Unchanged), results.Count(r => r.Outcome == BulkOutcome.Failed));
}

/// <summary>The per-user results of a bulk operation, in the order the ids were given, and their totals.</summary>
public sealed record BulkUserReport(bool DryRun, IReadOnlyList<BulkItemResult> Results, BulkSummary Summary);

namespace PenguinMails.Admin.Users;

public enum BulkOutcome
{
    Changed,
    Unchanged,
    Failed,
}

/// <summary>
/// What happened to one user: changed (fully), unchanged (nothing to do), or failed (untouched) with the reason, and
/// the user's email, so a person reads who it was (null when no such user exists).
/// </summary>
public sealed record BulkItemResult(string UserId, BulkOutcome Outcome, string? Error, string? Email = null)
{
    /// <summary>The results with each found user's email.</summary>
    public static List<BulkItemResult> Named(IEnumerable<BulkItemResult> results, IReadOnlyDictionary<string, Common.Versioned<PlatformUser>> found) =>
        results.Select(r => found.TryGetValue(r.UserId, out var user) ? r with { Email = user.Value.Email } : r).ToList();
}

public sealed record BulkSummary(int Total, int Changed, int Unchanged, int Failed)
{
    public static BulkSummary Of(IReadOnlyList<BulkItemResult> results) => new(results.Count, results.Count(r => r.Outcome == BulkOutcome.Changed),
        results.Count(r => r.Outcome == BulkOutcome.Unchanged), results.Count(r => r.Outcome == BulkOutcome.Failed));
}

/// <summary>The per-user results of a bulk operation, in the order the ids were given, and their totals.</summary>
public sealed record BulkUserReport(bool DryRun, IReadOnlyList<BulkItemResult> Results, BulkSummary Summary);

using PenguinMails.Admin.Users;

namespace PenguinMails.Functions.Users;

public sealed record BulkParameters(string? Role = null, string? TenantId = null);

/// <summary>Users picked by what they are rather than by id: every criterion given must match (at least one is needed).</summary>
public sealed record BulkFilterRequest(string? TenantId = null, string? Status = null, string? Role = null, DateTimeOffset? CreatedAfter = null,
    DateTimeOffset? CreatedBefore = null, string? EmailDomain = null);

/// <summary>
/// action: change-role (parameters.role), ban, unban, or move-tenant (parameters.tenantId). Exactly one of userIds (up to
/// 10,000) or filter (matching up to 10,000 users).
/// </summary>
public sealed record BulkUserRequest(string Action, bool DryRun, IReadOnlyList<string>? UserIds = null, BulkFilterRequest? Filter = null,
    BulkParameters? Parameters = null, string? Reason = null);

/// <summary>One user's result, with the user's email so a person reads who it was (null when no user has the id).</summary>
public sealed record BulkUserResultResponse(string UserId, string Outcome, string? Error, string? Email)
{
    public static BulkUserResultResponse From(BulkItemResult r) => new(r.UserId, r.Outcome.ToString().ToLowerInvariant(), r.Error, r.Email);
}

/// <summary>Totals; <c>matched</c> counts the users that exist among those selected.</summary>
public sealed record BulkSummaryResponse(int Total, int Matched, int Changed, int Unchanged, int Failed);

/// <summary>A row of an uploaded file that was left out: its line (the header is line 1), its column, and why.</summary>
public sealed record BulkRowErrorResponse(int Line, string Field, string Reason)
{
    public static BulkRowErrorResponse From(BulkRowError e) => new(e.Line, e.Field, e.Reason);
}

/// <summary>The answer of a synchronous run; <c>rowErrors</c> is set for file uploads only.</summary>
public sealed record BulkUserResponse(bool DryRun, IReadOnlyList<BulkUserResultResponse> Results, BulkSummaryResponse Summary,
    IReadOnlyList<BulkRowErrorResponse>? RowErrors = null)
{
    public static BulkUserResponse From(BulkUserReport r, IReadOnlyList<BulkRowError>? rowErrors = null) => new(r.DryRun,
        r.Results.Select(BulkUserResultResponse.From).ToList(),
        new BulkSummaryResponse(r.Summary.Total, r.Results.Count(i => i.Error?.StartsWith("not_found", StringComparison.Ordinal) != true),
            r.Summary.Changed, r.Summary.Unchanged, r.Summary.Failed),
        rowErrors?.Select(BulkRowErrorResponse.From).ToList());
}

/// <summary>A run that went to the workflow engine: follow <c>statusUrl</c>; <c>rowErrors</c> lists the file rows left out.</summary>
public sealed record BulkAcceptedResponse(string WorkflowId, string StatusUrl, IReadOnlyList<BulkRowErrorResponse>? RowErrors = null);

/// <summary>One page of a long-running operation's per-user results, in batch order.</summary>
public sealed record BulkResultsPage(IReadOnlyList<BulkUserResultResponse> Items, string? NextCursor);

public sealed record ImportFieldErrorResponse(string Field, string Reason);

public sealed record UserImportResultResponse(int Line, string? Email, string Outcome, string? UserId, IReadOnlyList<ImportFieldErrorResponse> Errors);

/// <summary>In a dry run, <c>created</c> counts the rows that would be created.</summary>
public sealed record UserImportSummaryResponse(int Total, int Created, int Failed);

public sealed record UserImportResponse(bool DryRun, IReadOnlyList<UserImportResultResponse> Results, UserImportSummaryResponse Summary)
{
    public static UserImportResponse From(UserImportReport r) => new(r.DryRun,
        r.Results.Select(i => new UserImportResultResponse(i.Line, i.Email, Outcome(i.Outcome), i.UserId,
            i.Errors.Select(e => new ImportFieldErrorResponse(e.Field, e.Reason)).ToList())).ToList(),
        new UserImportSummaryResponse(r.Total, r.Created, r.Failed));

    private static string Outcome(ImportOutcome o) => o == ImportOutcome.WouldCreate ? "wouldCreate" : o.ToString().ToLowerInvariant();
}

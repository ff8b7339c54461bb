namespace PenguinMails.Admin.Users;

/// <summary>One data row of an import file (the header is line 1), as written: it is checked, never trusted.</summary>
public sealed record UserImportRow(int Line, string? Email, string? DisplayName, string? Role);

public enum ImportOutcome
{
    Created,
    Failed,
    WouldCreate,
}

/// <summary>Why one cell of an import row cannot be used.</summary>
public sealed record ImportFieldError(string Field, string Reason);

/// <summary>What happened to one row: created (with the new user's id), would be created (dry run), or failed with every reason.</summary>
public sealed record UserImportResult(int Line, string? Email, ImportOutcome Outcome, string? UserId, IReadOnlyList<ImportFieldError> Errors);

/// <summary>The rows' results in file order, and their totals (in a dry run, Created counts the rows that would be created).</summary>
public sealed record UserImportReport(bool DryRun, IReadOnlyList<UserImportResult> Results, int Total, int Created, int Failed);

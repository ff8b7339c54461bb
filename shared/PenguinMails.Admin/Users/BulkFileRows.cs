namespace PenguinMails.Admin.Users;

/// <summary>One data row of an uploaded file: its line number (the header is line 1) and the cell that names the user.</summary>
public sealed record BulkFileRow(int Line, string Value);

/// <summary>A problem with one row of an uploaded file: the line, the column, and why; the row is left out of the operation.</summary>
public sealed record BulkRowError(int Line, string Field, string Reason);

/// <summary>Which column of an uploaded file names the users.</summary>
public enum BulkFileColumn
{
    Id,
    Email,
}

/// <summary>The users an uploaded file names, in file order, and the rows that could not be used.</summary>
public sealed record BulkFileTargets(IReadOnlyList<string> UserIds, IReadOnlyList<BulkRowError> RowErrors);

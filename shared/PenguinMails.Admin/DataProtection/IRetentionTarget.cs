namespace PenguinMails.Admin.DataProtection;

/// <summary>
/// Enforces retention on one kind of stored data. The daily retention run calls every registered target with the
/// settings in force; a feature that stores a data class registers its target (one line in its Add method).
/// </summary>
public interface IRetentionTarget
{
    /// <summary>The data class (see <see cref="DataClasses"/>) or another name for what this target removes.</summary>
    string Name { get; }

    Task<RetentionResult> EnforceAsync(RetentionDays retention, DateTimeOffset now, CancellationToken cancellationToken = default);
}

/// <summary>What one target did: items archived first (if the class is archived), items deleted, and a note.</summary>
public sealed record RetentionResult(string Name, int Archived, int Deleted, string? Note = null);

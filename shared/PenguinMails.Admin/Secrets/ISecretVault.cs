using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Secrets;

/// <summary>
/// A secret store with Key Vault's semantics: every write of a value is a new version, a delete is soft and
/// recoverable until the purge date, and a deleted secret still holds its name. Names are validated by the
/// caller (<see cref="SecretName"/>). Adapters throw <see cref="AdminException"/>: not_found, conflict,
/// <c>secret_deleted</c> (409, the name is held by a deleted secret), <c>secret_disabled</c> (409) and rate_limited.
/// </summary>
public interface ISecretVault
{
    VaultDescription Description { get; }

    /// <summary>The latest version's metadata of every live secret. Never values.</summary>
    Task<Page<SecretProperties>> ListAsync(PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>The latest version's metadata, or null when there is no live secret of that name.</summary>
    Task<SecretProperties?> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Creates a secret with its first version. Conflict when the name is taken, live or deleted.</summary>
    Task<SecretProperties> CreateAsync(string name, SecretVersionInput input, CancellationToken cancellationToken = default);

    /// <summary>Adds a version, which becomes the current one (rotation). Not found when there is no live secret.</summary>
    Task<SecretProperties> AddVersionAsync(string name, SecretVersionInput input, CancellationToken cancellationToken = default);

    /// <summary>Changes the latest version's metadata.</summary>
    Task<SecretProperties> UpdateAsync(string name, SecretPropertiesUpdate update, CancellationToken cancellationToken = default);

    /// <summary>The value of a version (the latest when <paramref name="version"/> is null).</summary>
    Task<string> GetValueAsync(string name, string? version, CancellationToken cancellationToken = default);

    /// <summary>Every version's metadata, newest first where the store can order them.</summary>
    Task<Page<SecretProperties>> ListVersionsAsync(string name, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Soft-deletes the secret with all its versions.</summary>
    Task<DeletedSecret> DeleteAsync(string name, CancellationToken cancellationToken = default);

    Task<Page<DeletedSecret>> ListDeletedAsync(PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Brings a soft-deleted secret back with all its versions.</summary>
    Task<SecretProperties> RecoverAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Permanently removes deleted secrets whose purge date is at or before <paramref name="now"/>; returns the names.</summary>
    Task<IReadOnlyList<string>> PurgeDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}

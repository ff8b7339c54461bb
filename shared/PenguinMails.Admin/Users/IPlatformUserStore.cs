using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Users;

/// <summary>
/// Platform users. Each user is one row, the single source of truth, so a change to a user is all-or-nothing.
/// The email is unique per tenant. Searches read index rows and check every hit against the user row.
/// </summary>
public interface IPlatformUserStore
{
    Task<Versioned<PlatformUser>?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The users that exist among <paramref name="ids"/>, by id.</summary>
    Task<IReadOnlyDictionary<string, Versioned<PlatformUser>>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>Creates the user; 409 when the email is taken in the tenant.</summary>
    Task<Versioned<PlatformUser>> CreateAsync(PlatformUser user, CancellationToken cancellationToken = default);

    /// <summary>Replaces the user if <paramref name="etag"/> matches (412 otherwise); 409 when the new email is taken in the (new) tenant.</summary>
    Task<Versioned<PlatformUser>> UpdateAsync(PlatformUser before, PlatformUser after, string etag, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes many changes, batched up to 100 users per storage transaction. A batch that fails is retried user by
    /// user, so each result says whether that user was fully written or left untouched.
    /// </summary>
    Task<IReadOnlyList<UserWriteResult>> UpdateManyAsync(IReadOnlyList<UserChange> changes, CancellationToken cancellationToken = default);

    /// <summary>Creates many users (an import): email claims first, then the user rows up to 100 per transaction; one result per user, in order.</summary>
    Task<IReadOnlyList<UserWriteResult>> CreateManyAsync(IReadOnlyList<PlatformUser> users, CancellationToken cancellationToken = default);

    /// <summary>The id of the user of <paramref name="tenantId"/> whose email is <paramref name="email"/> (lowercase), or null.</summary>
    Task<string?> FindIdByEmailAsync(string tenantId, string email, CancellationToken cancellationToken = default);

    /// <summary>True when another user of <paramref name="tenantId"/> holds <paramref name="email"/>.</summary>
    Task<bool> IsEmailTakenAsync(string tenantId, string email, string exceptUserId, CancellationToken cancellationToken = default);

    Task<Page<PlatformUser>> SearchAsync(UserFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Every user matching the filter, read page by page so memory stays flat.</summary>
    IAsyncEnumerable<PlatformUser> StreamAsync(UserFilter filter, CancellationToken cancellationToken = default);
}

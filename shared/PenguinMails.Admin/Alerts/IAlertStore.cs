using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Alerts;

/// <summary>Stored security alerts, newest first. Inserts are idempotent per alert id.</summary>
public interface IAlertStore
{
    /// <summary>
    /// Stores the alert unless one with its id exists; either way returns the stored alert and its ETag, and whether
    /// this call added it.
    /// </summary>
    Task<(Versioned<SecurityAlert> Stored, bool Added)> AddIfAbsentAsync(SecurityAlert alert, CancellationToken cancellationToken = default);

    /// <summary>Replaces the alert if <paramref name="etag"/> still matches (412 otherwise); returns the new ETag.</summary>
    Task<string> UpdateAsync(SecurityAlert alert, string etag, CancellationToken cancellationToken = default);

    Task<Versioned<SecurityAlert>?> GetAsync(string id, DateTimeOffset createdAt, CancellationToken cancellationToken = default);

    Task<Page<SecurityAlert>> ListAsync(AlertQuery query, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Every alert created in [<paramref name="from"/>, <paramref name="to"/>], newest first, for reports and detectors.</summary>
    IAsyncEnumerable<SecurityAlert> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}

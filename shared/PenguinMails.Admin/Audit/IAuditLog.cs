using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Audit;

/// <summary>The append-only, hash-chained audit log every state-changing action writes to.</summary>
public interface IAuditLog
{
    /// <summary>Appends an event at the head of the current chain. Never overwrites.</summary>
    Task<AuditEvent> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends many events in order, as if by one <see cref="AppendAsync"/> each, but chaining up to 99 per storage
    /// transaction: for bulk operations that record one event per changed item.
    /// </summary>
    Task<IReadOnlyList<AuditEvent>> AppendManyAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Events matching the query, newest first.</summary>
    Task<Page<AuditEvent>> QueryAsync(AuditQuery query, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>All events in [from, to], oldest first, for exports and reports.</summary>
    IAsyncEnumerable<AuditEvent> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Recomputes the chains of every partition that overlaps [from, to].</summary>
    Task<AuditVerification> VerifyAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}

using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>Reports: an index row per report, and the document as canonical JSON written once and never replaced.</summary>
public interface IReportStore
{
    /// <summary>
    /// Inserts the pending index row unless the report exists. An existing report is claimed again only if it failed,
    /// or if it has been pending longer than <paramref name="lease"/> (its generator died).
    /// </summary>
    Task<ReportClaim> ClaimAsync(ReportRecord pending, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the document unless one was already written (the first write wins, so a report never changes), then marks
    /// the index row completed with the stored document's SHA-256 and summary.
    /// </summary>
    Task<ReportRecord> CompleteAsync(ReportClaim claim, ComplianceReport document, DateTimeOffset completedAt, CancellationToken cancellationToken = default);

    Task FailAsync(ReportClaim claim, CancellationToken cancellationToken = default);

    Task<Versioned<ReportRecord>?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Replaces the index row if <paramref name="etag"/> still matches (412 otherwise).</summary>
    Task<Versioned<ReportRecord>> UpdateAsync(ReportRecord record, string etag, CancellationToken cancellationToken = default);

    /// <summary>Reports, the latest period first.</summary>
    Task<Page<ReportRecord>> ListAsync(ReportType? type, PageRequest page, CancellationToken cancellationToken = default);

    Task<ComplianceReport?> ReadDocumentAsync(string id, CancellationToken cancellationToken = default);
}

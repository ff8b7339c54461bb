using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Compliance.Reviews;

/// <summary>Access-review decisions, one per report and person.</summary>
public interface IReviewDecisionStore
{
    Task<Versioned<ReviewDecision>?> GetAsync(string reportId, string staffId, CancellationToken cancellationToken = default);

    /// <summary>Inserts (<paramref name="etag"/> null; 409 if one exists) or replaces (412 if <paramref name="etag"/> is stale).</summary>
    Task<Versioned<ReviewDecision>> SaveAsync(ReviewDecision decision, string? etag, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ReviewDecision>> ListAsync(string reportId, CancellationToken cancellationToken = default);
}

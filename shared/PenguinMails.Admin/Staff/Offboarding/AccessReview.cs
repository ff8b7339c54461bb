namespace PenguinMails.Admin.Staff.Offboarding;

/// <summary>
/// The review record of a departing (or revoked) staff member: what they did in the 30 days before, counted by
/// action, with their latest changes and everything they revealed, and the security ticket that tracks the review.
/// </summary>
public sealed record AccessReview(
    string StaffId,
    string Email,
    DateTimeOffset From,
    DateTimeOffset To,
    int EventCount,
    bool Truncated,
    IReadOnlyDictionary<string, int> ActionCounts,
    int RevealCount,
    IReadOnlyList<ReviewedEvent> Reveals,
    IReadOnlyList<ReviewedEvent> RecentChanges,
    string TicketId,
    string? TicketKey);

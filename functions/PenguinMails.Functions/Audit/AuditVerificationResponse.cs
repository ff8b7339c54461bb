using PenguinMails.Admin.Audit;

namespace PenguinMails.Functions.Audit;

/// <summary>
/// GET /api/audit/verify. <c>valid</c>, <c>checked</c> (events) and <c>firstBrokenEventId</c> are the original fields;
/// the rest says what was covered: the range, chains (lanes and legacy days), segments, events, digests and index
/// rows, and the first broken link with its reason.
/// </summary>
public sealed record AuditVerificationResponse(bool Valid, int Checked, string? FirstBrokenEventId, AuditVerificationResponse.RangeResponse Range,
    int Chains, int Segments, int LegacySegments, int Events, int Digests, int IndexRows, DateTimeOffset? LastDigestAt,
    AuditVerificationResponse.BrokenLinkResponse? FirstBroken)
{
    public sealed record RangeResponse(DateTimeOffset From, DateTimeOffset To);

    public sealed record BrokenLinkResponse(string Reason, string? EventId, string? Segment, string Detail);

    public static AuditVerificationResponse From(AuditVerification v, DateTimeOffset from, DateTimeOffset to) => new(v.Valid, v.Checked,
        v.FirstBrokenEventId, new RangeResponse(v.From ?? from, v.To ?? to), v.Chains, v.Segments, v.LegacySegments, v.Events, v.Digests, v.IndexRows,
        v.LastDigestAt, v.FirstBroken is { } b ? new BrokenLinkResponse(b.Reason, b.EventId, b.Segment, b.Detail) : null);
}

using PenguinMails.Admin.Monitoring.Analytics;

namespace PenguinMails.Functions.Monitoring;

public sealed record PeriodCountResponse(DateTimeOffset PeriodStart, long Count);

public sealed record ActiveUsersResponse(long LastDay, long Last7Days, long Last30Days);

/// <summary>
/// GET /analytics/users. When <see cref="Available"/> is false, <see cref="Reason"/> says why and every figure is
/// null, so a dashboard can't mistake "unknown" for zero.
/// </summary>
public sealed record UserAnalyticsResponse(
    bool Available,
    string? Reason,
    string Interval,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<PeriodCountResponse>? NewUsers,
    IReadOnlyList<PeriodCountResponse>? NewTenants,
    ActiveUsersResponse? ActiveUsers,
    IReadOnlyDictionary<string, long>? UsersByStatus,
    IReadOnlyDictionary<string, long>? TenantsByStatus)
{
    public static UserAnalyticsResponse Create(UserAnalyticsQuery query, UserAnalytics a) => new(
        a.Available, a.Reason, query.Interval.ToString().ToLowerInvariant(), query.From, query.To,
        a.NewUsers?.Select(p => new PeriodCountResponse(p.PeriodStart, p.Count)).ToList(),
        a.NewTenants?.Select(p => new PeriodCountResponse(p.PeriodStart, p.Count)).ToList(),
        a.ActiveUsers is { } active ? new ActiveUsersResponse(active.LastDay, active.Last7Days, active.Last30Days) : null,
        a.UsersByStatus, a.TenantsByStatus);
}

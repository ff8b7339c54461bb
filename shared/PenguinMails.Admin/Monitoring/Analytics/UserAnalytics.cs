namespace PenguinMails.Admin.Monitoring.Analytics;

/// <summary>New users or tenants in one day or week.</summary>
public sealed record PeriodCount(DateTimeOffset PeriodStart, long Count);

/// <summary>Users whose last sign-in falls within the last 1, 7 and 30 days before the query's end.</summary>
public sealed record ActiveUserCounts(long LastDay, long Last7Days, long Last30Days);

/// <summary>
/// Platform user and tenant analytics. When the source can't answer, <see cref="Available"/> is false, the reason
/// says why, and every figure is null: never a made-up zero.
/// </summary>
public sealed record UserAnalytics(
    bool Available,
    string? Reason,
    IReadOnlyList<PeriodCount>? NewUsers,
    IReadOnlyList<PeriodCount>? NewTenants,
    ActiveUserCounts? ActiveUsers,
    IReadOnlyDictionary<string, long>? UsersByStatus,
    IReadOnlyDictionary<string, long>? TenantsByStatus)
{
    public static UserAnalytics NotAvailable(string reason) => new(false, reason, null, null, null, null, null);
}

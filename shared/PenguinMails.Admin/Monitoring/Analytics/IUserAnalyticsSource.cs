namespace PenguinMails.Admin.Monitoring.Analytics;

/// <summary>
/// Counts platform users and tenants for GET /analytics/users. <see cref="StoreUserAnalyticsSource"/> answers it
/// from the users and tenants stores, with <see cref="UserAnalyticsBuilder"/> doing the counting.
/// </summary>
public interface IUserAnalyticsSource
{
    Task<UserAnalytics> GetAsync(UserAnalyticsQuery query, CancellationToken cancellationToken = default);
}

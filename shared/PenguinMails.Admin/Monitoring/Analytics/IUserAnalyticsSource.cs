namespace PenguinMails.Admin.Monitoring.Analytics;

/// <summary>
/// Counts platform users and tenants for GET /analytics/users. The users and tenants feature implements it
/// (<see cref="UserAnalyticsBuilder"/> does the counting); until then the default answers "not available".
/// </summary>
public interface IUserAnalyticsSource
{
    Task<UserAnalytics> GetAsync(UserAnalyticsQuery query, CancellationToken cancellationToken = default);
}

namespace PenguinMails.Admin.Monitoring.Analytics;

/// <summary>The default source when this deployment holds no platform users or tenants: it says so, with no numbers.</summary>
public sealed class UnavailableUserAnalytics : IUserAnalyticsSource
{
    public const string Reason = "Platform users and tenants are not connected to analytics in this deployment.";

    public Task<UserAnalytics> GetAsync(UserAnalyticsQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(UserAnalytics.NotAvailable(Reason));
}

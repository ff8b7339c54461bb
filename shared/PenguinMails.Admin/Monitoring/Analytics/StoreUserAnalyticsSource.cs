using PenguinMails.Admin.Tenants;
using PenguinMails.Admin.Users;

namespace PenguinMails.Admin.Monitoring.Analytics;

/// <summary>
/// GET /analytics/users from the users and tenants stores: one streamed pass over every user and every tenant
/// (creation time, status and last sign-in only). Every status is listed, zeros included; statuses are lowercase,
/// as the users and tenants APIs write them. A user is active in a window when their last sign-in to the mail
/// platform falls in it.
/// </summary>
public sealed class StoreUserAnalyticsSource(IPlatformGrowthReader reader) : IUserAnalyticsSource
{
    public async Task<UserAnalytics> GetAsync(UserAnalyticsQuery query, CancellationToken cancellationToken = default)
    {
        var builder = new UserAnalyticsBuilder(query, Enum.GetValues<PlatformUserStatus>().Select(Name), Enum.GetValues<TenantStatus>().Select(Name));
        await foreach (var user in reader.ReadUsersAsync(null, null, cancellationToken))
        {
            builder.AddUser(user.CreatedAt, Name(user.Status), user.LastLoginAt);
        }
        await foreach (var tenant in reader.ReadTenantsAsync(null, null, cancellationToken))
        {
            builder.AddTenant(tenant.CreatedAt, Name(tenant.Status));
        }
        return builder.Build();
    }

    private static string Name<T>(T status) where T : struct, Enum => status.ToString().ToLowerInvariant();
}

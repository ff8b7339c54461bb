namespace PenguinMails.Admin.Users;

/// <summary>
/// Reads the few fields that growth and activity figures need from the platform users and tenants stores: when each
/// was created, its status, and a user's last sign-in. Never ids, names or emails, and never whole entities, so a
/// count over every user holds one small row at a time. The monthly security report's user growth and
/// GET /analytics/users both count from it.
/// </summary>
public interface IPlatformGrowthReader
{
    /// <summary>
    /// Users created in [<paramref name="createdFrom"/>, <paramref name="createdBefore"/>), or every user when
    /// <paramref name="createdFrom"/> and <paramref name="createdBefore"/> are null. In no particular order.
    /// </summary>
    IAsyncEnumerable<UserGrowthFacts> ReadUsersAsync(DateTimeOffset? createdFrom, DateTimeOffset? createdBefore,
        CancellationToken cancellationToken = default);

    /// <summary>Tenants created in [<paramref name="createdFrom"/>, <paramref name="createdBefore"/>), or every tenant when both are null.</summary>
    IAsyncEnumerable<TenantGrowthFacts> ReadTenantsAsync(DateTimeOffset? createdFrom, DateTimeOffset? createdBefore,
        CancellationToken cancellationToken = default);
}

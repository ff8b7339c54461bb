using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Staff;
using PenguinMails.Admin.Tenants;
using PenguinMails.Admin.Users;
using PenguinMails.Benchmarks.Users;

namespace PenguinMails.Benchmarks.Compliance;

/// <summary>
/// Platform users and tenants created evenly from 16 days before the month to 15 days after it, so the report's
/// creation filter has rows to skip on both sides. Returns how many of each were created in the month: the user-growth
/// figures the report must show.
/// </summary>
public static class GrowthSeeder
{
    public static async Task<(int Users, int Tenants)> SeedAsync(StorageClients storage, ITenantStore tenantStore, DateOnly month, int users, int tenants)
    {
        var from = new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var until = from.AddMonths(1);
        var first = from.AddDays(-16);
        var span = until.AddDays(15) - first;
        DateTimeOffset CreatedAt(int i, int count) => first + (span * i / count);

        var seededTenants = Enumerable.Range(0, tenants).Select(i => Tenant(i, CreatedAt(i, tenants))).ToList();
        await Parallel.ForEachAsync(seededTenants, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (t, ct) => await tenantStore.CreateAsync(t, ct));
        var seededUsers = Enumerable.Range(0, users).Select(i => User(i, seededTenants[i % tenants].Id, CreatedAt(i, users))).ToList();
        await UserSeeder.SeedAsync(storage, seededUsers, withIndex: false);
        return (seededUsers.Count(u => u.CreatedAt >= from && u.CreatedAt < until), seededTenants.Count(t => t.CreatedAt >= from && t.CreatedAt < until));
    }

    private static Tenant Tenant(int i, DateTimeOffset createdAt)
    {
        var domain = $"tenant{i:D5}.bench.example.com";
        var owner = "owner@" + domain;
        return new Tenant(SessionTokens.NewId(), $"Tenant {i:D5}", domain, "growth", owner, i % 10 == 0 ? TenantStatus.Pending : TenantStatus.Active,
            TenantSettings.Default, TenantBilling.For(owner), CommunicationPreferences.For(owner), createdAt, createdAt);
    }

    private static PlatformUser User(int i, string tenantId, DateTimeOffset createdAt)
    {
        var banned = i % 25 == 0;
        return new PlatformUser(PlatformUserIds.New(), tenantId, $"user{i:D6}@bench.example.com", $"Bench User {i}", PlatformUserRoles.Member,
            banned ? PlatformUserStatus.Banned : PlatformUserStatus.Active, createdAt, i % 3 == 0 ? null : createdAt.AddDays(1), banned ? createdAt.AddDays(2) : null);
    }
}

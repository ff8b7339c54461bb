using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Staff;
using PenguinMails.Admin.Tenants;
using PenguinMails.Admin.Users;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Users;

/// <summary>The growth reader on real Azurite: the creation range is applied by the table service, and tenants' domain claims are never read as tenants.</summary>
public sealed class PlatformGrowthReaderTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private static readonly DateTimeOffset Start = new(2031, 5, 1, 0, 0, 0, TimeSpan.Zero);

    private async Task<Tenant> TenantAsync(DateTimeOffset createdAt, TenantStatus status)
    {
        var slug = SessionTokens.NewId()[..10];
        var owner = $"owner@{slug}.example.com";
        var tenant = new Tenant(SessionTokens.NewId(), "Tenant " + slug, slug + ".example.com", "growth", owner, status, TenantSettings.Default,
            TenantBilling.For(owner), CommunicationPreferences.For(owner), createdAt, createdAt);
        return (await factory.Services.GetRequiredService<ITenantStore>().CreateAsync(tenant)).Value;
    }

    private async Task UserAsync(string tenantId, DateTimeOffset createdAt, PlatformUserStatus status, DateTimeOffset? lastLogin)
    {
        var id = PlatformUserIds.New();
        await factory.Services.GetRequiredService<IPlatformUserStore>().CreateAsync(
            new PlatformUser(id, tenantId, $"u-{id}@example.com", "User " + id[..6], PlatformUserRoles.Member, status, createdAt, lastLogin, null));
    }

    [Fact]
    public async Task ACreationRange_ReturnsOnlyWhatWasCreatedInIt_WithStatusAndLastSignIn()
    {
        var tenant = await TenantAsync(Start.AddTicks(-1), TenantStatus.Active);
        await TenantAsync(Start, TenantStatus.Suspended);
        await TenantAsync(Start.AddDays(7), TenantStatus.Pending);
        await UserAsync(tenant.Id, Start.AddTicks(-1), PlatformUserStatus.Active, null);
        await UserAsync(tenant.Id, Start, PlatformUserStatus.Banned, Start.AddHours(3));
        await UserAsync(tenant.Id, Start.AddDays(7).AddTicks(-1), PlatformUserStatus.Active, null);
        await UserAsync(tenant.Id, Start.AddDays(7), PlatformUserStatus.Active, null);
        var reader = factory.Services.GetRequiredService<IPlatformGrowthReader>();

        var users = await reader.ReadUsersAsync(Start, Start.AddDays(7)).ToListAsync();
        var tenants = await reader.ReadTenantsAsync(Start, Start.AddDays(7)).ToListAsync();

        Assert.Equal(
            [new UserGrowthFacts(Start, PlatformUserStatus.Banned, Start.AddHours(3)), new UserGrowthFacts(Start.AddDays(7).AddTicks(-1), PlatformUserStatus.Active, null)],
            users.OrderBy(u => u.CreatedAt));
        Assert.Equal([new TenantGrowthFacts(Start, TenantStatus.Suspended)], tenants);
        Assert.Equal(4, await reader.ReadUsersAsync(null, null).CountAsync());
        Assert.Equal(3, await reader.ReadTenantsAsync(null, null).CountAsync());
    }
}

using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Staff;

namespace PenguinMails.Functions.Tests.Infrastructure;

/// <summary>Creates staff members and real sessions through the app's own services.</summary>
public static class TestStaff
{
    public static async Task<StaffMember> CreateAsync(AdminAppFactory factory, params string[] roles)
    {
        var store = factory.Services.GetRequiredService<IStaffStore>();
        var id = SessionTokens.NewId();
        var member = new StaffMember(id, $"staff-{id}@penguinmails.test", "Staff " + id[..6], roles, StaffStatus.Active, SessionTokens.NewId(),
            DateTimeOffset.UtcNow, null);
        return (await store.CreateAsync(member)).Value;
    }

    public static async Task<string> SessionAsync(AdminAppFactory factory, StaffMember member)
    {
        var (token, _) = await factory.Services.GetRequiredService<SessionService>().IssueAsync(member, "127.0.0.1", "tests");
        return token;
    }

    /// <summary>A client signed in as a new staff member with <paramref name="roles"/>.</summary>
    public static async Task<(HttpClient Client, StaffMember Member)> SignInAsync(AdminAppFactory factory, params string[] roles)
    {
        var member = await CreateAsync(factory, roles);
        return (ClientWithToken(factory, await SessionAsync(factory, member)), member);
    }

    public static HttpClient ClientWithToken(AdminAppFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

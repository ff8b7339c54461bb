using System.Net;
using System.Net.Http.Json;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Tenants;

namespace PenguinMails.Functions.Tests.Users;

public sealed class UsersExportTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    [Fact]
    public async Task Export_StreamsTheFilteredUsersAsCsv_WithFormulasEscaped()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.UserManager);
        var (admin, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var tenant = (await TenantTestData.CreateActiveAsync(admin)).GetProperty("id").GetString()!;
        var other = (await TenantTestData.CreateActiveAsync(admin)).GetProperty("id").GetString()!;
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await UserTestData.CreateAsync(client, tenant, name: $"Person, \"{i}\"")).Id());
        }
        var evil = (await UserTestData.CreateAsync(client, tenant, name: "=HYPERLINK(\"http://evil.example\")")).Id();
        await UserTestData.CreateAsync(client, other);
        await client.PostAsJsonAsync($"/api/users/{ids[0]}/ban", new { reason = "abuse" });

        using var response = await client.GetAsync($"/api/users/export?format=csv&tenantId={tenant}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentLength); // streamed, not buffered into a sized body
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("id,tenantId,email,displayName,role,status,createdAt,lastLoginAt,bannedAt", lines[0]);
        Assert.Equal(7, lines.Length);
        Assert.All(ids.Append(evil), id => Assert.Single(lines, l => l.StartsWith(id + ",", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith(ids[0], StringComparison.Ordinal) && l.Contains(",banned,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"Person, \"\"1\"\"\"", StringComparison.Ordinal));
        var evilLine = Assert.Single(lines, l => l.StartsWith(evil, StringComparison.Ordinal));
        Assert.Contains("'=HYPERLINK", evilLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_FiltersByStatus_AndIsAudited()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var tenant = (await TenantTestData.CreateActiveAsync(client)).GetProperty("id").GetString()!;
        var banned = (await UserTestData.CreateAsync(client, tenant)).Id();
        await UserTestData.CreateAsync(client, tenant);
        await client.PostAsJsonAsync($"/api/users/{banned}/ban", new { reason = "abuse" });

        var csv = await client.GetStringAsync($"/api/users/export?tenantId={tenant}&status=banned");
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.StartsWith(banned, rows[1], StringComparison.Ordinal);
        var audit = await (await client.GetAsync("/api/audit?action=users.export")).ReadJsonAsync();
        Assert.NotEmpty(audit.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Export_RejectsOtherFormats()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        await (await client.GetAsync("/api/users/export?format=xlsx")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}

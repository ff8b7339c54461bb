using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Tenants;

namespace PenguinMails.Functions.Tests.Users;

public sealed class UsersBulkByFilterAndFileTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private async Task<(HttpClient Client, string TenantId)> TenantAsync()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.UserManager);
        var (admin, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        return (client, (await TenantTestData.CreateActiveAsync(admin)).GetProperty("id").GetString()!);
    }

    private static Task<HttpResponseMessage> PostCsvAsync(HttpClient client, string url, string csv, string contentType = "text/csv") =>
        client.PostAsync(url, new StringContent(csv, Encoding.UTF8, contentType));

    [Fact]
    public async Task AFilterDryRun_ReportsTheMatchCountAndEachOutcome_AndChangesNothing()
    {
        var (client, tenant) = await TenantAsync();
        var members = new[] { (await UserTestData.CreateAsync(client, tenant)).Id(), (await UserTestData.CreateAsync(client, tenant)).Id() };
        await UserTestData.CreateAsync(client, tenant, role: "admin");

        var report = await (await client.PostAsJsonAsync("/api/users/bulk", new
        {
            action = "change-role", filter = new { tenantId = tenant, role = "member" }, parameters = new { role = "viewer" }, reason = "re-org", dryRun = true,
        })).ReadJsonAsync();

        Assert.Equal(2, report.GetProperty("summary").GetProperty("matched").GetInt32());
        Assert.Equal(members.Order(), report.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("userId").GetString()).Order());
        Assert.All(report.GetProperty("results").EnumerateArray(), r => Assert.Equal("changed", r.GetProperty("outcome").GetString()));
        Assert.Equal("member", (await (await client.GetAsync($"/api/users/{members[0]}")).ReadJsonAsync()).GetProperty("role").GetString());

        var real = await (await client.PostAsJsonAsync("/api/users/bulk", new
        {
            action = "change-role", filter = new { tenantId = tenant, role = "member", emailDomain = "example.com" }, parameters = new { role = "viewer" },
            reason = "re-org", dryRun = false,
        })).ReadJsonAsync();
        Assert.Equal(2, real.GetProperty("summary").GetProperty("changed").GetInt32());
        Assert.Equal("viewer", (await (await client.GetAsync($"/api/users/{members[1]}")).ReadJsonAsync()).GetProperty("role").GetString());
    }

    [Fact]
    public async Task AFilterWithoutCriteria_OrTogetherWithIds_IsRejected()
    {
        var (client, tenant) = await TenantAsync();
        var id = (await UserTestData.CreateAsync(client, tenant)).Id();
        await (await client.PostAsJsonAsync("/api/users/bulk", new { action = "ban", filter = new { }, reason = "x", dryRun = true }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await client.PostAsJsonAsync("/api/users/bulk", new { action = "ban", userIds = new[] { id }, filter = new { tenantId = tenant }, reason = "x", dryRun = true }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await client.PostAsJsonAsync("/api/users/bulk", new { action = "ban", filter = new { emailDomain = "not a domain" }, reason = "x", dryRun = true }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task ACsvOfEmails_ChangesTheUsersItNames_AndReportsEachBadRowWithLineFieldAndReason()
    {
        var (client, tenant) = await TenantAsync();
        var first = await UserTestData.CreateAsync(client, tenant);
        var second = await UserTestData.CreateAsync(client, tenant);
        var (email1, email2) = (first.GetProperty("email").GetString(), second.GetProperty("email").GetString());
        var csv = $"email,note\n{email1},a\nnobody-{Guid.NewGuid():N}@example.com,b\n{email1!.ToUpperInvariant()},c\nnot-an-email,d\n{email2},e\n";

        var report = await (await PostCsvAsync(client, $"/api/users/bulk/csv?action=change-role&role=billing&tenantId={tenant}&reason=hr%20file", csv))
            .ReadJsonAsync();

        Assert.Equal(["changed", "changed"], report.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()));
        var errors = report.GetProperty("rowErrors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(3, "email"), (4, "email"), (5, "email")], errors);
        Assert.Contains("line 2", report.GetProperty("rowErrors")[1].GetProperty("reason").GetString());
        Assert.Equal("billing", (await (await client.GetAsync($"/api/users/{second.Id()}")).ReadJsonAsync()).GetProperty("role").GetString());

        var byId = await (await PostCsvAsync(client, "/api/users/bulk/csv?action=change-role&role=viewer&dryRun=true&reason=check", $"id\n{first.Id()}\nxyz\n"))
            .ReadJsonAsync();
        Assert.True(byId.GetProperty("dryRun").GetBoolean());
        Assert.Equal((3, "id"), (byId.GetProperty("rowErrors")[0].GetProperty("line").GetInt32(), byId.GetProperty("rowErrors")[0].GetProperty("field").GetString()));
        await (await PostCsvAsync(client, "/api/users/bulk/csv?action=change-role&role=viewer&reason=x", $"email\n{email1}\n"))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Theory]
    [InlineData("", "text/csv")]
    [InlineData("name\nx\n", "text/csv")]
    [InlineData("id\n", "text/csv")]
    [InlineData("id\n\0\u0001\n", "text/csv")]
    [InlineData("id\n\"unterminated\n", "text/csv")]
    [InlineData("id\n0123456789abcdef01234567\n", "application/json")]
    public async Task AFileThatCannotBeUsedAsAWhole_IsAnInvalidFileProblem(string csv, string contentType)
    {
        var (client, tenant) = await TenantAsync();
        var problem = await (await PostCsvAsync(client, "/api/users/bulk/csv?action=ban&reason=x", csv, contentType))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_file");
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        await (await PostCsvAsync(client, $"/api/tenants/{tenant}/users/import", csv, contentType)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_file");
    }

    [Fact]
    public async Task AnImport_CreatesTheGoodRows_ReportsEachBadOne_AndItsDryRunWritesNothing()
    {
        var (client, tenant) = await TenantAsync();
        var taken = (await UserTestData.CreateAsync(client, tenant)).GetProperty("email").GetString();
        var slug = Guid.NewGuid().ToString("N")[..8];
        var csv = $"email,displayName,role\nana-{slug}@example.com,Ana,member\nbo-{slug}@example.com,Bo,admin\nbad-role-{slug}@example.com,Cy,boss\n" +
            $"ana-{slug}@example.com,Ana Again,member\n{taken},Taken,viewer\nnot-an-email,,member\n";

        var preview = await (await PostCsvAsync(client, $"/api/tenants/{tenant}/users/import?dryRun=true", csv)).ReadJsonAsync();
        Assert.Equal(["wouldCreate", "wouldCreate", "failed", "failed", "failed", "failed"], Outcomes(preview));
        Assert.Equal((6, 2, 4), Summary(preview));
        Assert.Equal(1, await CountAsync(client, tenant));

        var report = await (await PostCsvAsync(client, $"/api/tenants/{tenant}/users/import?reason=hr%20import", csv)).ReadJsonAsync();
        Assert.Equal(["created", "created", "failed", "failed", "failed", "failed"], Outcomes(report));
        var results = report.GetProperty("results");
        Assert.Equal((4, "role"), (results[2].GetProperty("line").GetInt32(), results[2].GetProperty("errors")[0].GetProperty("field").GetString()));
        Assert.Contains("line 2", results[3].GetProperty("errors")[0].GetProperty("reason").GetString());
        Assert.Equal(["email", "displayName"], results[5].GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        Assert.Equal(3, await CountAsync(client, tenant));
        var created = results[0].GetProperty("userId").GetString();
        var (admin, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var audit = await (await admin.GetAsync($"/api/audit?targetId={created}&action=users.create")).ReadJsonAsync();
        Assert.Equal("hr import", Assert.Single(audit.GetProperty("items").EnumerateArray()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task UploadingAFileForABulkChange_NeedsBulkEdit()
    {
        var (_, tenant) = await TenantAsync();
        var (agent, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SupportAgent);
        var csv = "id\n0123456789abcdef01234567\n";
        await (await PostCsvAsync(agent, "/api/users/bulk/csv?action=ban&reason=x", csv)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private static List<string?> Outcomes(JsonElement report) =>
        report.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()).ToList();

    private static (int, int, int) Summary(JsonElement report)
    {
        var s = report.GetProperty("summary");
        return (s.GetProperty("total").GetInt32(), s.GetProperty("created").GetInt32(), s.GetProperty("failed").GetInt32());
    }

    private static async Task<int> CountAsync(HttpClient client, string tenant) =>
        (await (await client.GetAsync($"/api/users?tenantId={tenant}&pageSize=100")).ReadJsonAsync()).GetProperty("items").GetArrayLength();
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Http;

public sealed class BoundaryValidationTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private async Task<HttpClient> SuperAdminAsync() => (await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin)).Client;

    [Theory]
    [InlineData("/api/finance/transactions?tenantId=a/b")]
    [InlineData("/api/finance/transactions?tenantId=%3Cscript%3Ealert(1)%3C/script%3E")]
    [InlineData("/api/finance/transactions?tenantId=%24%7Bjndi%3Aldap%3A%2F%2Fx%7D")]
    public async Task MalformedIdInQuery_IsValidationProblemForThatField(string url)
    {
        var response = await (await SuperAdminAsync()).GetAsync(url);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("tenantId", out _));
    }

    [Theory]
    [InlineData("/api/finance/disputes")]
    [InlineData("/api/finance/refunds")]
    public async Task MalformedTenantIdInBody_IsValidationProblem(string url)
    {
        var response = await (await SuperAdminAsync()).PostAsJsonAsync(url, new { tenantId = "a/b", invoiceId = "in_1", reason = "duplicate" });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("tenantId", out _));
    }

    [Fact]
    public async Task MalformedIdInPath_IsNotFoundProblem()
    {
        var response = await (await SuperAdminAsync()).GetAsync("/api/tenants/a%2Fb");
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("/api/audit/verify?to=0001-01-01T00:00:00Z")]
    [InlineData("/api/audit/verify?to=9999-12-31T23:59:59Z")]
    [InlineData("/api/audit/export?from=0001-01-01T00:00:00Z")]
    [InlineData("/api/analytics/users?to=9999-12-31T23:59:59Z")]
    [InlineData("/api/security/logins?from=0001-01-01T00:00:00Z")]
    public async Task DateOutsideTheAllowedRange_IsValidationProblemNamingTheRange(string url)
    {
        var response = await (await SuperAdminAsync()).GetAsync(url);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("1970-01-01", problem.GetRawText());
        Assert.Contains("2200-01-01", problem.GetRawText());
    }

    [Theory]
    [InlineData("\"stale\"")]
    [InlineData("\"\"")]
    [InlineData("not-an-etag")]
    public async Task StaleOrMalformedIfMatch_IsPreconditionFailed(string ifMatch)
    {
        var client = await SuperAdminAsync();
        var target = await TestStaff.CreateAsync(factory, RoleCatalog.Auditor);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/staff/{target.Id}/roles") { Content = JsonContent.Create(new { roles = new[] { "auditor" } }) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        await (await client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
    }

    [Fact]
    public async Task InvalidUtf8InsideAJsonString_IsMalformedJson()
    {
        var client = await SuperAdminAsync();
        var body = new byte[] { (byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}' };
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        var response = await client.PostAsync("/api/workflows/some-instance/events/approved", content);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "malformed_json");
    }

    [Fact]
    public async Task DeeplyNestedBody_IsMalformedJson()
    {
        var client = await SuperAdminAsync();
        var body = new string('[', 200) + new string(']', 200);
        var response = await client.PostAsync("/api/flags", new StringContent(body, Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "malformed_json");
    }

    [Fact]
    public async Task BindingError_IsValidationFailedWithoutTypeNames()
    {
        var response = await (await SuperAdminAsync()).GetAsync("/api/staff?pageSize=abc");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("pageSize must be a whole number.", problem.GetProperty("errors").GetProperty("pageSize")[0].GetString());
        Assert.DoesNotContain("Nullable", problem.GetRawText());
    }

    [Fact]
    public async Task ReadOnlyPropertyInBody_IsRejected()
    {
        var response = await (await SuperAdminAsync()).PostAsJsonAsync("/api/flags",
            new { key = "ro-" + Guid.NewGuid().ToString("N")[..8], description = "d", enabled = true, rolloutPercentage = 10, definition = new { enabled = false } });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "unknown_property");
        Assert.Contains("definition", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OpenApiRequestSchemas_DoNotListReadOnlyProperties()
    {
        var document = await (await factory.CreateClient().GetAsync("/api/openapi.json")).ReadJsonAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var name in new[] { "CreateFlagRequest", "UpdateFlagRequest" })
        {
            Assert.False(schemas.GetProperty(name).GetProperty("properties").TryGetProperty("definition", out _), name);
        }
    }
}

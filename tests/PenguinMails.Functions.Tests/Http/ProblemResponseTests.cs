using System.Net;
using System.Net.Http.Json;
using System.Text;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Http;

public sealed class ProblemResponseTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private async Task<HttpClient> AdminAsync() => (await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin)).Client;

    [Fact]
    public async Task UnmatchedRoute_IsNotFoundProblem()
    {
        var response = await factory.CreateClient().GetAsync("/api/no-such-thing");
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task WrongVerb_IsMethodNotAllowedProblem()
    {
        var response = await factory.CreateClient().DeleteAsync("/api/health");
        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task MalformedJson_IsBadRequestProblem()
    {
        var client = await AdminAsync();
        var response = await client.PostAsync("/api/staff", new StringContent("{\"email\": ", Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "malformed_json");
    }

    [Fact]
    public async Task UnknownJsonProperty_IsRejectedNotIgnored()
    {
        var client = await AdminAsync();
        var response = await client.PostAsJsonAsync("/api/staff", new { email = "a@penguinmails.test", displayName = "A", roles = new[] { "auditor" }, status = "active" });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "unknown_property");
        Assert.Contains("status", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task WrongContentType_IsUnsupportedMediaTypeProblem()
    {
        var client = await AdminAsync();
        var response = await client.PostAsync("/api/staff", new StringContent("email=a", Encoding.UTF8, "application/x-www-form-urlencoded"));
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task TooLargeBody_IsPayloadTooLargeProblem()
    {
        var client = await AdminAsync();
        var huge = "{\"email\":\"" + new string('a', 2 * 1024 * 1024) + "\"}";
        var response = await client.PostAsync("/api/staff", new StringContent(huge, Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task MissingBody_IsBadRequestProblem()
    {
        var client = await AdminAsync();
        var response = await client.PostAsync("/api/staff", new StringContent("", Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "body_required");
    }

    [Fact]
    public async Task InvalidFields_AreValidationProblemWithErrorsPerField()
    {
        var client = await AdminAsync();
        var response = await client.PostAsJsonAsync("/api/staff", new { email = "not-an-email", displayName = "", roles = new[] { "wizard" } });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("displayName", out _));
        Assert.True(errors.TryGetProperty("roles", out _));
    }

    [Fact]
    public async Task MissingRequiredProperties_AreListedPerField()
    {
        var client = await AdminAsync();
        var response = await client.PostAsJsonAsync("/api/staff", new { email = "a@penguinmails.test" });
        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("displayName", out _));
        Assert.True(errors.TryGetProperty("roles", out _));
    }

    [Fact]
    public async Task BadQueryValue_IsValidationProblem()
    {
        var client = await AdminAsync();
        var response = await client.GetAsync("/api/staff?pageSize=100000");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task TamperedCursor_IsValidationProblem()
    {
        var client = await AdminAsync();
        var response = await client.GetAsync("/api/staff?cursor=abc.def");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _));
    }

    [Fact]
    public async Task MissingToken_IsUnauthenticatedProblem()
    {
        var response = await factory.CreateClient().GetAsync("/api/staff");
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task ProblemsCarryTheTraceIdFromTraceparent()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/no-such-thing");
        request.Headers.Add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        var response = await factory.CreateClient().SendAsync(request);
        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", problem.GetProperty("traceId").GetString());
    }
}

using System.Net;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Spa;

public sealed class SpaServingTests(SpaAppFactory factory) : IClassFixture<SpaAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/dashboard/users")]
    [InlineData("/dashboard/users/staff/0f3a9c")]
    [InlineData("/admin/secrets")]
    public async Task RootAndClientRoutes_ServeIndexHtml(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SpaAppFactory.IndexHtml, await response.Content.ReadAsStringAsync());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoCache);
    }

    [Fact]
    public async Task HashedAssets_AreServedWithALongCacheLifetime()
    {
        var response = await factory.CreateClient().GetAsync("/assets/index-Abc123.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SpaAppFactory.AppScript, await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
    }

    [Fact]
    public async Task MissingFile_IsA404NotTheApp()
    {
        var response = await factory.CreateClient().GetAsync("/assets/gone-Xyz.js");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("/api")]
    [InlineData("/api/")]
    [InlineData("/api/no-such-thing")]
    [InlineData("/API/staff/x/nothing-here")]
    public async Task UnmatchedApiPaths_StayProblem404s(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task WrongVerbOnAnApiRoute_StaysA405()
    {
        var response = await factory.CreateClient().GetAsync("/api/auth/google");

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task PostToAClientRoute_IsNotAnsweredWithTheApp()
    {
        var response = await factory.CreateClient().PostAsync("/dashboard", new StringContent("{}"));

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task TheApi_IsUnchanged()
    {
        var response = await factory.CreateClient().GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await response.ReadJsonAsync()).GetProperty("status").GetString());
    }
}

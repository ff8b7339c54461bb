using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Http;

public sealed class HealthAndCorrelationTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    [Fact]
    public async Task Health_IsAnonymousAndSaysOk()
    {
        var json = await (await factory.CreateClient().GetAsync("/api/health")).ReadJsonAsync();
        Assert.Equal("ok", json.GetProperty("status").GetString());
        Assert.Single(json.EnumerateObject());
    }

    [Fact]
    public async Task IncomingTraceparent_IsEchoedAsTheCorrelationId()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.Add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", response.Headers.GetValues("X-Correlation-Id").Single());
        Assert.StartsWith("00-0af7651916cd43dd8448eb211c80319c-", response.Headers.GetValues("traceparent").Single());
    }

    [Fact]
    public async Task WithoutTraceparent_ANewCorrelationIdIsIssued()
    {
        var response = await factory.CreateClient().GetAsync("/api/health");
        Assert.Matches("^[0-9a-f]{32}$", response.Headers.GetValues("X-Correlation-Id").Single());
    }
}

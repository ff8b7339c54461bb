using System.Net;
using System.Net.Http.Json;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Http;

/// <summary>Runs the app on its own Azurite, stops it mid-test, and starts it again on the same data.</summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task WhileStorageIsDown_CallsAnswer503StorageUnavailableWithRetryAfter_AndRecoverWithoutARestart()
    {
        await using var azurite = await OwnAzurite.StartAsync();
        // The production bound, so the test shows that a call gives up quickly.
        await using var factory = AdminAppFactory.WithSettings(new Dictionary<string, string?>
        {
            ["Storage"] = azurite.ConnectionString,
            ["Storage:NetworkTimeout"] = "00:00:02",
            ["Storage:MaxRetries"] = "1",
        });
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        await (await client.GetAsync("/api/me")).ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/health")).StatusCode);

        await azurite.StopAsync();
        foreach (var call in new Func<Task<HttpResponseMessage>>[]
                 {
                     () => client.GetAsync("/api/me"),
                     () => client.GetAsync("/api/staff"),
                     () => client.PostAsJsonAsync("/api/flags", new { key = "outage-flag", description = "d", enabled = true, rolloutPercentage = 5 }),
                     () => factory.CreateClient().GetAsync("/api/health"),
                 })
        {
            var response = await call();
            await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "storage_unavailable");
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        }

        await azurite.RestartAsync();
        await Eventually.TrueAsync(async () => (await client.GetAsync("/api/me")).IsSuccessStatusCode, TimeSpan.FromSeconds(60),
            "the app did not recover after storage came back");
        await Eventually.TrueAsync(async () => (await factory.CreateClient().GetAsync("/api/health")).IsSuccessStatusCode, TimeSpan.FromSeconds(30),
            "health did not recover after storage came back");
    }
}

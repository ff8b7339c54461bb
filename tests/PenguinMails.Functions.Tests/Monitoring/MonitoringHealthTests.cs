using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Monitoring;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Monitoring;

/// <summary>Runs the app on its own Azurite, stops that Azurite mid-test, and starts it again.</summary>
public sealed class MonitoringHealthTests
{
    private static readonly string[] StorageComponents = ["storage-blobs", "storage-queues", "storage-tables"];

    [Fact]
    public async Task Health_IsUnhealthyWhileStorageIsDown_AndRecoversWhenItReturns()
    {
        await using var azurite = await OwnAzurite.StartAsync();
        await using var factory = AdminAppFactory.WithSettings(new Dictionary<string, string?>
        {
            ["Storage"] = azurite.ConnectionString,
            ["Monitoring:HealthTimeoutSeconds"] = "3",
        });
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);

        var healthy = await (await client.GetAsync("/api/monitoring/health")).ReadJsonAsync();
        Assert.Equal("healthy", healthy.GetProperty("status").GetString());
        var components = healthy.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Superset(new HashSet<string>([.. StorageComponents, "bus"]), components.Keys.ToHashSet());
        Assert.All(components.Values, c =>
        {
            Assert.Equal("healthy", c.GetProperty("status").GetString());
            Assert.True(c.GetProperty("latencyMs").GetDouble() >= 0);
            Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("reason").GetString()));
        });

        await azurite.StopAsync();
        // Sessions live in storage too, so the API can't authenticate anyone now; the same report runs in process.
        var down = (await factory.Services.GetRequiredService<IComponentHealthSource>().CheckAsync()).ToDictionary(c => c.Name);
        foreach (var name in StorageComponents)
        {
            Assert.Equal(ComponentStatus.Unhealthy, down[name].Status);
            Assert.Matches("(is unreachable|did not answer within 3 s)$", down[name].Reason);
            Assert.DoesNotContain("127.0.0.1", down[name].Reason);
            Assert.DoesNotContain("devstoreaccount1", down[name].Reason);
            Assert.DoesNotContain(" at ", down[name].Reason);
        }

        await azurite.RestartAsync();
        JsonElement report = default;
        await Eventually.TrueAsync(async () =>
        {
            var response = await client.GetAsync("/api/monitoring/health");
            report = response.IsSuccessStatusCode ? await response.ReadJsonAsync() : default;
            return response.IsSuccessStatusCode && report.GetProperty("status").GetString() == "healthy";
        }, TimeSpan.FromSeconds(90), "health did not recover after storage came back");
        Assert.All(report.GetProperty("components").EnumerateArray(), c => Assert.Equal("healthy", c.GetProperty("status").GetString()));
    }
}

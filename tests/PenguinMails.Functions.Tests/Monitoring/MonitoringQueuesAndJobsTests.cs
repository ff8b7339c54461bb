using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Monitoring;

public sealed class MonitoringQueuesAndJobsTests(MonitoringTriggerApp factory) : IClassFixture<MonitoringTriggerApp>
{
    [Fact]
    public async Task PoisonedMessage_AppearsInQueues()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        await factory.Services.GetRequiredService<StorageClients>().Queue(MonitoringTriggerApp.FailingQueue).SendMessageAsync("doomed");

        JsonElement? queue = null;
        await Eventually.TrueAsync(async () =>
        {
            queue = await FindAsync(client, "/api/monitoring/queues", "name", MonitoringTriggerApp.FailingQueue);
            return queue?.GetProperty("poisonCount").GetInt64() >= 1;
        }, TimeSpan.FromSeconds(90), "the failing message never reached the poison queue");
        Assert.True(queue!.Value.GetProperty("exists").GetBoolean());
        Assert.Equal(0, queue.Value.GetProperty("depth").GetInt64());

        var job = await FindAsync(client, "/api/monitoring/jobs", "name", MonitoringTriggerApp.FailingQueueFunction);
        Assert.Equal("queue", job!.Value.GetProperty("kind").GetString());
        Assert.True(job.Value.GetProperty("lastHour").GetProperty("failures").GetInt64() >= 5);
    }

    [Fact]
    public async Task WaitingMessage_ShowsDepthAndAge()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        await factory.Services.GetRequiredService<StorageClients>().Queue(MonitoringTriggerApp.IdleQueue).SendMessageAsync("waiting");

        var queue = await FindAsync(client, "/api/monitoring/queues", "name", MonitoringTriggerApp.IdleQueue);
        Assert.Equal(1, queue!.Value.GetProperty("depth").GetInt64());
        Assert.True(queue.Value.GetProperty("oldestMessageAgeSeconds").GetDouble() >= 0);
        Assert.Equal(0, queue.Value.GetProperty("poisonCount").GetInt64());
        Assert.NotNull(await FindAsync(client, "/api/monitoring/queues", "name", "audit-index")); // every registered queue is listed
    }

    [Fact]
    public async Task FailingTimer_AppearsInJobs_WithASanitizedError()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);

        JsonElement? job = null;
        await Eventually.TrueAsync(async () =>
        {
            job = await FindAsync(client, "/api/monitoring/jobs", "name", MonitoringTriggerApp.FailingTimer);
            return job?.GetProperty("lastHour").GetProperty("failures").GetInt64() >= 1;
        }, TimeSpan.FromSeconds(60), "the failing timer never showed up as failed");
        var timer = job!.Value;
        Assert.Equal("timer", timer.GetProperty("kind").GetString());
        Assert.True(timer.GetProperty("lastDay").GetProperty("failures").GetInt64() >= 1);
        Assert.Equal(JsonValueKind.Null, timer.GetProperty("lastSuccessAt").ValueKind);
        Assert.True(timer.GetProperty("lastFailureAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        var error = timer.GetProperty("lastError").GetString()!;
        Assert.StartsWith("InvalidOperationException: Could not reach the vault", error);
        Assert.DoesNotContain(MonitoringTriggerApp.Secret, error);
        Assert.DoesNotContain("Stack.Frame", error);
    }

    [Fact]
    public async Task RolesWithoutMonitoring_AreRefused()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SupportAgent);
        foreach (var path in new[] { "/api/monitoring/health", "/api/monitoring/queues", "/api/monitoring/jobs", "/api/monitoring/metrics" })
        {
            await (await client.GetAsync(path)).AssertProblemAsync(System.Net.HttpStatusCode.Forbidden, "forbidden");
        }
    }

    /// <summary>Walks every page of a monitoring list and returns the item whose <paramref name="key"/> is <paramref name="value"/>.</summary>
    internal static async Task<JsonElement?> FindAsync(HttpClient client, string path, string key, string value)
    {
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync(path + "?pageSize=20" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)))).ReadJsonAsync();
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                if (item.GetProperty(key).GetString() == value)
                {
                    return item.Clone();
                }
            }
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return null;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PenguinMails.Admin.FeatureFlags;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.FeatureFlags;

public sealed class FeatureFlagsApiTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private async Task<HttpClient> AdminAsync() => (await TestStaff.SignInAsync(factory, RoleCatalog.Admin)).Client;

    private static string NewKey() => "flag-" + Guid.NewGuid().ToString("N")[..8];

    private static object Definition(bool enabled = true, int percentage = 100, string[]? allowTenants = null, string[]? allowUsers = null,
        string[]? denyTenants = null, string description = "A flag") =>
        new { description, enabled, rolloutPercentage = percentage, allowTenants = allowTenants ?? [], allowUsers = allowUsers ?? [], denyTenants = denyTenants ?? [] };

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient client, string key, bool enabled = true, int percentage = 100,
        string[]? allowTenants = null, string[]? denyTenants = null) =>
        await client.PostAsJsonAsync("/api/flags", new
        {
            key, description = "test flag", enabled, rolloutPercentage = percentage, allowTenants = allowTenants ?? [], denyTenants = denyTenants ?? [],
        });

    [Fact]
    public async Task Flag_IsCreatedReadReplacedAndDeleted_WithETagsAndAudit()
    {
        var client = await AdminAsync();
        var key = NewKey();
        var created = await (await CreateAsync(client, key, percentage: 25)).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(25, created.GetProperty("rolloutPercentage").GetInt32());
        Assert.Empty(created.GetProperty("allowUsers").EnumerateArray());

        var read = await client.GetAsync($"/api/flags/{key}");
        var etag = read.Headers.ETag!.ToString();
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/flags/{key}") { Content = JsonContent.Create(Definition(enabled: false, allowUsers: ["u-1"])) };
        put.Headers.TryAddWithoutValidation("If-Match", etag);
        var updated = await (await client.SendAsync(put)).ReadJsonAsync();
        Assert.False(updated.GetProperty("enabled").GetBoolean());

        var stale = new HttpRequestMessage(HttpMethod.Delete, $"/api/flags/{key}");
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        await (await client.SendAsync(stale)).AssertProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
        var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/flags/{key}") { Content = JsonContent.Create(new { reason = "launched" }) };
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(delete)).StatusCode);
        await (await client.GetAsync($"/api/flags/{key}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        var audit = await (await client.GetAsync($"/api/audit?targetId={key}")).ReadJsonAsync();
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["flags.delete", "flags.update", "flags.create"], actions);
    }

    [Fact]
    public async Task InvalidFlags_AreRejected()
    {
        var client = await AdminAsync();
        var bad = await client.PostAsJsonAsync("/api/flags", new
        {
            key = "Bad Key!", description = "x", enabled = true, rolloutPercentage = 150, allowTenants = new[] { "t1" }, denyTenants = new[] { "t1" },
        });
        var errors = (await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("key", out _) && errors.TryGetProperty("rolloutPercentage", out _) && errors.TryGetProperty("denyTenants", out _));

        var key = NewKey();
        await (await CreateAsync(client, key)).ReadJsonAsync(HttpStatusCode.Created);
        await (await CreateAsync(client, key)).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsJsonAsync($"/api/flags/{key}", new { })).StatusCode);
        await (await client.PutAsJsonAsync("/api/flags/no-such-flag", Definition())).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.DeleteAsync("/api/flags/NOT_A_KEY")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Evaluate_GivesEachFlagsValueAndReason()
    {
        var client = await AdminAsync();
        var (off, denied, allowed, rollout, full) = (NewKey(), NewKey(), NewKey(), NewKey(), NewKey());
        await CreateAsync(client, off, enabled: false);
        await CreateAsync(client, denied, denyTenants: ["t-42"]);
        await CreateAsync(client, allowed, enabled: false, allowTenants: ["t-42"]);
        await CreateAsync(client, rollout, percentage: 50);
        await CreateAsync(client, full);

        var flags = (await (await client.GetAsync("/api/flags/evaluate?tenantId=t-42&userId=u-7")).ReadJsonAsync()).GetProperty("flags");
        Assert.Equal((false, "disabled"), Decision(flags, off));
        Assert.Equal((false, "denylisted"), Decision(flags, denied));
        Assert.Equal((true, "allowlisted"), Decision(flags, allowed));
        Assert.Equal((FlagBucketing.IsInRollout(rollout, "t-42", 50), "rollout"), Decision(flags, rollout));
        Assert.Equal((true, "default"), Decision(flags, full));
    }

    [Fact]
    public async Task AnotherInstance_GivesTheSameAnswers_AndSeesAChangeWithinSeconds()
    {
        var client = await AdminAsync();
        var key = NewKey();
        await CreateAsync(client, key, percentage: 30);
        await using var other = AdminAppFactory.WithSettings(new Dictionary<string, string?> { ["Storage:Prefix"] = factory.StoragePrefix });
        var (otherClient, _) = await TestStaff.SignInAsync(other, RoleCatalog.SupportAgent);

        for (var i = 0; i < 20; i++)
        {
            var url = $"/api/flags/evaluate?tenantId=tenant-{i}";
            var here = Decision((await (await client.GetAsync(url)).ReadJsonAsync()).GetProperty("flags"), key);
            var there = Decision((await (await otherClient.GetAsync(url)).ReadJsonAsync()).GetProperty("flags"), key);
            Assert.Equal(here, there);
            Assert.Equal(FlagBucketing.IsInRollout(key, $"tenant-{i}", 30), here.Enabled);
        }

        await (await client.PutAsJsonAsync($"/api/flags/{key}", Definition(enabled: false))).ReadJsonAsync();
        await Eventually.TrueAsync(async () =>
        {
            var flags = (await (await otherClient.GetAsync("/api/flags/evaluate?tenantId=tenant-1")).ReadJsonAsync()).GetProperty("flags");
            return Decision(flags, key) == (false, "disabled");
        }, TimeSpan.FromSeconds(15), "The other instance did not pick up the change.");
    }

    [Fact]
    public async Task SupportAgents_ReadAndEvaluate_ButCannotChangeFlags()
    {
        var (agent, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SupportAgent);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/flags")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/flags/evaluate")).StatusCode);
        await (await CreateAsync(agent, NewKey())).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task List_Pages()
    {
        var client = await AdminAsync();
        for (var i = 0; i < 3; i++)
        {
            await CreateAsync(client, NewKey());
        }
        var first = await (await client.GetAsync("/api/flags?pageSize=2")).ReadJsonAsync();
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        var next = first.GetProperty("nextCursor").GetString()!;
        var second = await (await client.GetAsync($"/api/flags?pageSize=2&cursor={Uri.EscapeDataString(next)}")).ReadJsonAsync();
        Assert.NotEmpty(second.GetProperty("items").EnumerateArray());
    }

    private static (bool Enabled, string? Reason) Decision(JsonElement flags, string key)
    {
        var decision = flags.GetProperty(key);
        return (decision.GetProperty("enabled").GetBoolean(), decision.GetProperty("reason").GetString());
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Settings;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Settings;

/// <summary>Each test class has its own storage prefix, so the section histories here start empty.</summary>
public sealed class SettingsApiTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private static object Monitoring(int backlog, params string[] emails) =>
        new { errorRatePercent = 2.5, queueBacklog = backlog, p95LatencyMs = 1500, failedJobsPerHour = 5, alertEmails = emails };

    [Fact]
    public async Task EverySave_IsANewVersion_AndRollbackSavesTheOldValuesAsANewerOne()
    {
        var (client, me) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var initial = await client.GetAsync("/api/settings/monitoring");
        var body = await initial.ReadJsonAsync();
        var version0 = body.GetProperty("version").GetInt32();

        var first = await Put(client, "monitoring", Monitoring(500, "oncall@penguinmails.com"), initial.Headers.ETag!.ToString(), "tighter backlog alert");
        var v1 = first.GetProperty("version").GetInt32();
        Assert.Equal(version0 + 1, v1);
        var second = await Put(client, "monitoring", Monitoring(5000), null, "too noisy");
        Assert.Equal(v1 + 1, second.GetProperty("version").GetInt32());

        var rolledBack = await (await client.PostAsJsonAsync("/api/settings/monitoring/rollback", new { version = v1, reason = "noise was fine" })).ReadJsonAsync();
        Assert.Equal(v1 + 2, rolledBack.GetProperty("version").GetInt32());
        Assert.Equal(500, rolledBack.GetProperty("values").GetProperty("queueBacklog").GetInt32());
        Assert.Equal("oncall@penguinmails.com", rolledBack.GetProperty("values").GetProperty("alertEmails")[0].GetString());

        var versions = await (await client.GetAsync("/api/settings/monitoring/versions")).ReadJsonAsync();
        var items = versions.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([v1 + 2, v1 + 1, v1], items.Select(v => v.GetProperty("version").GetInt32()).Take(3));
        Assert.All(items, v => Assert.Equal(me.Email, v.GetProperty("updatedBy").GetString()));
        Assert.Equal("too noisy", items[1].GetProperty("reason").GetString());

        var audit = await (await client.GetAsync("/api/audit?targetId=monitoring")).ReadJsonAsync();
        Assert.Equal("settings.rollback", audit.GetProperty("items")[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task AChange_TakesEffectWithoutARestart()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var reader = factory.Services.GetRequiredService<PlatformSettings>();
        await Put(client, "deliverability", new
        {
            dailyLimits = new { newTenant = 100, standard = 20_000, maximum = 2_000_000 },
            warmUp = new { enabled = true, startDailyVolume = 25, dailyIncreasePercent = 15, days = 21 },
            bounceRateThresholdPercent = 4.0, complaintRateThresholdPercent = 0.08,
        }, null, null);

        var live = await reader.DeliverabilityAsync();
        Assert.Equal(20_000, live.DailyLimits.Standard);
        Assert.Equal(0.08m, live.ComplaintRateThresholdPercent);
    }

    [Fact]
    public async Task EachSection_ValidatesItsShapeAndRules()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var unknownField = await client.PutAsJsonAsync("/api/settings/monitoring", new { values = new { errorRatePercent = 1, surprise = true } });
        Assert.True((await unknownField.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("values.surprise", out _));
        var missing = await client.PutAsJsonAsync("/api/settings/deliverability", new { values = new { bounceRateThresholdPercent = 1 } });
        await missing.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var badRules = await client.PutAsJsonAsync("/api/settings/monitoring", new { values = Monitoring(0, "not-an-email") });
        var errors = (await badRules.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("values.queueBacklog", out _) && errors.TryGetProperty("values.alertEmails[0]", out _));

        var routesToUnknownDomain = await client.PutAsJsonAsync("/api/settings/email-domains", new
        {
            values = new
            {
                sendingDomains = new[] { new { domain = "mail.example.com", dkimSelector = "s1", enabled = true } },
                routing = new[]
                {
                    new { traffic = "transactional", domain = "mail.example.com" }, new { traffic = "marketing", domain = "other.example.com" },
                    new { traffic = "system", domain = "mail.example.com" },
                },
            },
        });
        var domainErrors = (await routesToUnknownDomain.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Assert.True(domainErrors.TryGetProperty("values.routing[1].domain", out _));
        await (await client.PutAsJsonAsync("/api/settings/monitoring", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task StaleIfMatch_UnknownSectionsAndVersions_AreRejected()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var current = await client.GetAsync("/api/settings/email-domains");
        var etag = current.Headers.ETag!.ToString();
        var values = (await current.ReadJsonAsync()).GetProperty("values");
        await Put(client, "email-domains", values, etag, "first");

        var stale = new HttpRequestMessage(HttpMethod.Put, "/api/settings/email-domains") { Content = JsonContent.Create(new { values }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        await (await client.SendAsync(stale)).AssertProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
        await (await client.GetAsync("/api/settings/billing")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.GetAsync("/api/settings/billing/versions")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        var noSuchVersion = await client.PostAsJsonAsync("/api/settings/email-domains/rollback", new { version = 999 });
        await noSuchVersion.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Overview_ListsEverySection_AndSupportAgentsCannotRead()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var overview = await (await client.GetAsync("/api/settings")).ReadJsonAsync();
        Assert.Equal(["email-domains", "deliverability", "monitoring", "security-alerts"], overview.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("section").GetString()));
        var (agent, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SupportAgent);
        await (await agent.GetAsync("/api/settings")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private static async Task<System.Text.Json.JsonElement> Put(HttpClient client, string section, object values, string? etag, string? reason)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/settings/{section}") { Content = JsonContent.Create(new { values, reason }) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }
        return await (await client.SendAsync(request)).ReadJsonAsync();
    }
}

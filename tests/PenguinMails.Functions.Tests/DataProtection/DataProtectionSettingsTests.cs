using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure.Secrets;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.DataProtection;

public sealed class DataProtectionSettingsTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private const string Route = "/api/settings/data-protection";

    [Fact]
    public async Task TheSection_StartsWithDefaults_AndShowsTheEncryptionInForce()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var response = await client.GetAsync(Route);
        var body = await response.ReadJsonAsync();

        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("data-protection", body.GetProperty("section").GetString());
        Assert.True(body.GetProperty("values").GetProperty("retentionDays").GetProperty("audit").GetInt32() >= 365);
        var encryption = body.GetProperty("encryption");
        Assert.Equal("local", encryption.GetProperty("secretsProvider").GetString());
        Assert.StartsWith("AES-256-GCM", encryption.GetProperty("secretsAlgorithm").GetString());
        Assert.Equal(factory.Services.GetRequiredService<LocalSecretKey>().Cipher.KeyId, encryption.GetProperty("secretsKeyId").GetString());
        Assert.Equal(90, encryption.GetProperty("deletedSecretsRetentionDays").GetInt32());
    }

    [Fact]
    public async Task EveryPut_IsANewVersion_WithWhoAndWhy_AndRollbackIsANewVersionToo()
    {
        var (client, me) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        var start = (await (await client.GetAsync(Route)).ReadJsonAsync()).GetProperty("version").GetInt32();
        var first = await PutAsync(client, sessions: 30, reason: "shorter session history");
        var second = await PutAsync(client, sessions: 60, reason: "auditor asked for more");
        Assert.Equal(start + 1, first.GetProperty("version").GetInt32());
        Assert.Equal(start + 2, second.GetProperty("version").GetInt32());

        var rolledBack = await (await client.PostAsJsonAsync(Route + "/rollback", new { version = start + 1, reason = "undo" })).ReadJsonAsync();
        Assert.Equal(start + 3, rolledBack.GetProperty("version").GetInt32());
        Assert.Equal(30, rolledBack.GetProperty("values").GetProperty("retentionDays").GetProperty("sessions").GetInt32());

        var versions = (await (await client.GetAsync(Route + "/versions")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(start + 3, versions[0].GetProperty("version").GetInt32());
        Assert.Equal(start + 1, versions[0].GetProperty("rolledBackFrom").GetInt32());
        Assert.Equal(me.Email, versions[0].GetProperty("updatedBy").GetString());
        Assert.Contains(versions, v => v.GetProperty("reason").GetString() == "auditor asked for more");
        var audit = await (await client.GetAsync("/api/audit?targetId=data-protection")).ReadJsonAsync();
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "settings.rollback");
    }

    [Fact]
    public async Task AStaleIfMatch_IsPreconditionFailed()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        var stale = (await client.GetAsync(Route)).Headers.ETag!;
        await PutAsync(client, sessions: 45);

        var request = new HttpRequestMessage(HttpMethod.Put, Route) { Content = JsonContent.Create(new { values = new { retentionDays = Days(50) } }) };
        request.Headers.IfMatch.Add(stale);
        await (await client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
    }

    [Fact]
    public async Task OutOfRangeRetention_AndTheReadOnlyEncryption_AreRejected()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        var tooShort = await client.PutAsJsonAsync(Route, new { values = new { retentionDays = new { sessions = 0, audit = 30, reports = 365, webhookPayloads = 30 } } });
        var errors = (await tooShort.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("retentionDays.audit", out _));
        Assert.True(errors.TryGetProperty("retentionDays.sessions", out _));

        await (await client.PutAsJsonAsync(Route, new { values = new { retentionDays = Days(30), encryption = new { secretsProvider = "none" } } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "unknown_property");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsJsonAsync(Route, new { })).StatusCode);
        await (await client.PostAsJsonAsync(Route + "/rollback", new { version = 9999 })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.PostAsJsonAsync(Route + "/rollback", new { version = 0 })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task ReadingNeedsSettingsRead_AndChangingNeedsSettingsManage()
    {
        var (officer, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var (auditor, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Auditor);
        await (await officer.GetAsync(Route)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await auditor.PutAsJsonAsync(Route, new { values = new { retentionDays = Days(30) } })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private static object Days(int sessions) => new { sessions, audit = 2555, reports = 2555, webhookPayloads = 90 };

    private static async Task<System.Text.Json.JsonElement> PutAsync(HttpClient client, int sessions, string? reason = null) =>
        await (await client.PutAsJsonAsync(Route, new { values = new { retentionDays = Days(sessions) }, reason })).ReadJsonAsync();
}

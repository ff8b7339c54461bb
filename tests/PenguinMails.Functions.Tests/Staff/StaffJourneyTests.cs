using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Staff;

/// <summary>The Journey 5 stories over HTTP, with sign-in through a real OIDC issuer.</summary>
public sealed class StaffJourneyTests(OidcAppFactory oidc) : IClassFixture<OidcAppFactory>
{
    private AdminAppFactory App => oidc.App;

    private async Task<(HttpClient Admin, string Id, string Email)> CreateEmployeeAsync(params string[] roles)
    {
        var (admin, _) = await TestStaff.SignInAsync(App, RoleCatalog.SuperAdmin);
        var email = $"emp-{Guid.NewGuid():N}@{FakeOidcIssuer.HostedDomain}";
        var created = await (await admin.PostAsJsonAsync("/api/staff", new { email, displayName = "Employee", roles })).ReadJsonAsync(HttpStatusCode.Created);
        return (admin, created.GetProperty("id").GetString()!, email);
    }

    private async Task<HttpResponseMessage> SignInAsync(string email) =>
        await App.CreateClient().PostAsJsonAsync("/api/auth/google", new { idToken = oidc.Issuer.IdToken(email) });

    private HttpClient ClientFor(string token)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<HttpClient> SignedInEmployeeAsync(string email)
    {
        var json = await (await SignInAsync(email)).ReadJsonAsync();
        return ClientFor(json.GetProperty("token").GetString()!);
    }

    [Fact]
    public async Task RemovingAllRoles_KillsTheExistingTokenOnTheNextCall_AndSigningInAgainIsRefused()
    {
        var (admin, id, email) = await CreateEmployeeAsync(RoleCatalog.SupportAgent);
        var employee = await SignedInEmployeeAsync(email);
        (await employee.GetAsync("/api/me")).EnsureSuccessStatusCode();

        var etag = (await admin.GetAsync($"/api/staff/{id}")).Headers.GetValues("ETag").Single();
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/staff/{id}/roles") { Content = JsonContent.Create(new { roles = Array.Empty<string>(), reason = "left the team" }) };
        put.Headers.TryAddWithoutValidation("If-Match", etag);
        (await admin.SendAsync(put)).EnsureSuccessStatusCode();

        await (await employee.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "session_revoked");
        await (await SignInAsync(email)).AssertProblemAsync(HttpStatusCode.Unauthorized, "sign_in_refused");
    }

    [Fact]
    public async Task CompromisedDevice_RevokeAllThenSuspend_KillsEveryToken_AndTheAuditTrailShowsBoth()
    {
        var (admin, id, email) = await CreateEmployeeAsync(RoleCatalog.SupportAgent);
        var laptop = await SignedInEmployeeAsync(email);
        var phone = await SignedInEmployeeAsync(email);

        var revoked = await (await admin.PostAsJsonAsync($"/api/staff/{id}/sessions/revoke", new { reason = "laptop stolen" })).ReadJsonAsync();
        Assert.Equal(2, revoked.GetProperty("revoked").GetInt32());
        (await admin.PostAsJsonAsync($"/api/staff/{id}/suspend", new { reason = "laptop stolen" })).EnsureSuccessStatusCode();

        await (await laptop.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "session_revoked");
        await (await phone.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "session_revoked");
        await (await SignInAsync(email)).AssertProblemAsync(HttpStatusCode.Unauthorized, "sign_in_refused");

        var audit = await (await admin.GetAsync($"/api/audit?targetId={id}")).ReadJsonAsync();
        var events = audit.GetProperty("items").EnumerateArray().ToList();
        var revoke = events.Single(e => e.GetProperty("action").GetString() == "staff.sessions.revoke");
        var suspend = events.Single(e => e.GetProperty("action").GetString() == "staff.suspend");
        foreach (var e in new[] { revoke, suspend })
        {
            Assert.Equal("laptop stolen", e.GetProperty("reason").GetString());
            Assert.False(string.IsNullOrEmpty(e.GetProperty("actorId").GetString()));
            Assert.True(e.GetProperty("time").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        }
        Assert.True(events.IndexOf(suspend) < events.IndexOf(revoke), "newest first");
    }

    [Fact]
    public async Task PromotionToTeamLead_GrantsBanAndBulkEdit_AtTheNextSignIn()
    {
        var (admin, id, email) = await CreateEmployeeAsync(RoleCatalog.SupportAgent);
        var before = await SignedInEmployeeAsync(email);
        Assert.DoesNotContain("users.ban", Permissions(await (await before.GetAsync("/api/me")).ReadJsonAsync()));

        (await admin.PutAsJsonAsync($"/api/staff/{id}/roles", new { roles = new[] { RoleCatalog.SupportAgent, RoleCatalog.UserManager } })).EnsureSuccessStatusCode();

        var sameSession = await (await before.GetAsync("/api/me")).ReadJsonAsync();
        Assert.DoesNotContain("users.ban", Permissions(sameSession));
        var after = await (await SignInAsync(email)).ReadJsonAsync();
        var granted = after.GetProperty("staff").GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains("users.ban", granted);
        Assert.Contains("users.bulk-edit", granted);
    }

    private static List<string?> Permissions(JsonElement me) => me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ToList();
}

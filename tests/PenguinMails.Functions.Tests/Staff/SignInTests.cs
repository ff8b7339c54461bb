using System.Net;
using System.Net.Http.Json;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Staff;

public sealed class SignInTests(OidcAppFactory oidc) : IClassFixture<OidcAppFactory>
{
    private async Task<string> ActiveStaffEmailAsync(params string[] roles)
    {
        var member = await TestStaff.CreateAsync(oidc.App, roles.Length == 0 ? [RoleCatalog.Auditor] : roles);
        return member.Email;
    }

    private Task<HttpResponseMessage> PostAsync(string idToken, HttpClient? client = null) =>
        (client ?? oidc.App.CreateClient()).PostAsJsonAsync("/api/auth/google", new { idToken });

    [Fact]
    public async Task ValidIdToken_ReturnsAnOpaqueSessionTokenWithPermissions()
    {
        var email = await ActiveStaffEmailAsync(RoleCatalog.Auditor);
        var json = await (await PostAsync(oidc.Issuer.IdToken(email))).ReadJsonAsync();
        Assert.StartsWith("pms_", json.GetProperty("token").GetString());
        Assert.Equal(email, json.GetProperty("staff").GetProperty("email").GetString());
        Assert.Contains("audit.read", json.GetProperty("staff").GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        var expiresAt = json.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expiresAt, DateTimeOffset.UtcNow.AddHours(11.9), DateTimeOffset.UtcNow.AddHours(12.1));
    }

    [Theory]
    [InlineData("wrong-domain")]
    [InlineData("no-domain")]
    [InlineData("wrong-audience")]
    [InlineData("expired")]
    [InlineData("forged")]
    [InlineData("garbage")]
    public async Task InvalidIdTokens_AreRefused(string kind)
    {
        var email = await ActiveStaffEmailAsync();
        var token = kind switch
        {
            "wrong-domain" => oidc.Issuer.IdToken(email, hostedDomain: "evil.test"),
            "no-domain" => oidc.Issuer.IdToken(email, hostedDomain: null),
            "wrong-audience" => oidc.Issuer.IdToken(email, audience: "someone-else"),
            "expired" => oidc.Issuer.IdToken(email, expires: DateTime.UtcNow.AddMinutes(-10)),
            "forged" => oidc.Issuer.ForgedIdToken(email),
            _ => "not.a.jwt",
        };
        var client = oidc.App.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113." + Random.Shared.Next(1, 250));
        await (await PostAsync(token, client)).AssertProblemAsync(HttpStatusCode.Unauthorized, "sign_in_refused");
    }

    [Fact]
    public async Task UnknownStaffMember_IsRefusedAndAudited()
    {
        var email = $"stranger-{Guid.NewGuid():N}@{FakeOidcIssuer.HostedDomain}";
        await (await PostAsync(oidc.Issuer.IdToken(email))).AssertProblemAsync(HttpStatusCode.Unauthorized, "sign_in_refused");
        var (auditor, _) = await TestStaff.SignInAsync(oidc.App, RoleCatalog.Auditor);
        var events = await (await auditor.GetAsync($"/api/audit?targetId={email}&action=auth.sign-in")).ReadJsonAsync();
        var failure = Assert.Single(events.GetProperty("items").EnumerateArray());
        Assert.Equal("failure", failure.GetProperty("outcome").GetString());
        Assert.Equal("unknown staff member", failure.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task KeyRollover_IsFollowed()
    {
        // Its own issuer: rotating the shared one would break the other tests' tokens.
        var own = new OidcAppFactory();
        await own.InitializeAsync();
        try
        {
            var email = (await TestStaff.CreateAsync(own.App, RoleCatalog.Auditor)).Email;
            var client = own.App.CreateClient();
            (await client.PostAsJsonAsync("/api/auth/google", new { idToken = own.Issuer.IdToken(email) })).EnsureSuccessStatusCode();
            own.Issuer.RotateKey();
            await Eventually.TrueAsync(async () =>
                (await client.PostAsJsonAsync("/api/auth/google", new { idToken = own.Issuer.IdToken(email) })).IsSuccessStatusCode);
        }
        finally
        {
            await own.DisposeAsync();
        }
    }

    [Fact]
    public async Task RepeatedFailuresForOneEmail_AreThrottledWithRetryAfter()
    {
        var email = $"guess-{Guid.NewGuid():N}@{FakeOidcIssuer.HostedDomain}";
        for (var i = 0; i < 5; i++)
        {
            await (await PostAsync(oidc.Issuer.IdToken(email))).AssertProblemAsync(HttpStatusCode.Unauthorized, "sign_in_refused");
        }
        var throttled = await PostAsync(oidc.Issuer.IdToken(email));
        await throttled.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Logout_RevokesTheCurrentSessionOnly()
    {
        var member = await TestStaff.CreateAsync(oidc.App, RoleCatalog.Auditor);
        var first = TestStaff.ClientWithToken(oidc.App, await TestStaff.SessionAsync(oidc.App, member));
        var second = TestStaff.ClientWithToken(oidc.App, await TestStaff.SessionAsync(oidc.App, member));
        Assert.Equal(HttpStatusCode.NoContent, (await first.PostAsync("/api/auth/logout", null)).StatusCode);
        await (await first.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "session_revoked");
        (await second.GetAsync("/api/me")).EnsureSuccessStatusCode();
    }
}

using System.Net;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;
using static PenguinMails.Functions.Tests.Secrets.SecretsRequests;

namespace PenguinMails.Functions.Tests.Secrets;

/// <summary>Revealing a value: permission, reason, no-store, audit without the value, and the per-person rate limit. Run per adapter.</summary>
public abstract class SecretsRevealContract(AdminAppFactory factory)
{
    [Fact]
    public async Task Reveal_NeedsTheRevealPermission()
    {
        var (officer, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var (admin, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var name = NewName();
        await CreateAsync(officer, name, NewValue());

        await (await RevealAsync(admin, name)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Reveal_NeedsAWrittenReason()
    {
        var (officer, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var name = NewName();
        await CreateAsync(officer, name, NewValue());

        foreach (var reason in new[] { null, "", "   " })
        {
            var problem = await (await RevealAsync(officer, name, reason)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        }
    }

    [Fact]
    public async Task Reveal_ReturnsTheValueUncached_AndIsAuditedWithTheReasonButNotTheValue()
    {
        var (officer, me) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var (name, value) = (NewName(), NewValue());
        var created = await CreateAsync(officer, name, value);

        var response = await RevealAsync(officer, name, "incident INC-42: confirm the webhook secret");
        var body = await response.ReadJsonAsync();
        Assert.Equal(value, body.GetProperty("value").GetString());
        Assert.Equal(created.GetProperty("version").GetString(), body.GetProperty("version").GetString());
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains("no-cache", response.Headers.Pragma.ToString());

        var (auditor, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Auditor);
        var audit = await (await auditor.GetAsync($"/api/audit?targetId={name}&action=secrets.reveal")).ReadJsonAsync();
        var entry = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal(me.Id, entry.GetProperty("actorId").GetString());
        Assert.Equal("incident INC-42: confirm the webhook secret", entry.GetProperty("reason").GetString());
        Assert.Equal("success", entry.GetProperty("outcome").GetString());
        Assert.DoesNotContain(value, audit.GetRawText());
    }

    [Fact]
    public async Task Reveal_IsRateLimitedPerStaffMember_AndTheRefusalIsAudited()
    {
        var (officer, me) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var (other, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var name = NewName();
        await CreateAsync(officer, name, NewValue());
        for (var i = 0; i < SecretsSettings.RevealLimit; i++)
        {
            await (await RevealAsync(officer, name)).ReadJsonAsync();
        }

        var refused = await RevealAsync(officer, name);
        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await (await RevealAsync(other, name)).ReadJsonAsync();
        var (auditor, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Auditor);
        var audit = await (await auditor.GetAsync($"/api/audit?actorId={me.Id}&action=secrets.reveal")).ReadJsonAsync();
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("outcome").GetString() == "denied");
    }
}

using System.Net;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Secrets;

/// <summary>An app started without <c>Secrets__LocalKey</c>: the vault says what is wrong, everything else runs.</summary>
public sealed class MissingLocalKeyTests
{
    [Fact]
    public async Task WithoutALocalKey_TheVaultAnswers503WithTheFix_AndTheRestOfTheAppWorks()
    {
        await using var factory = AdminAppFactory.WithSettings(new Dictionary<string, string?> { ["Secrets:LocalKey"] = "" });
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);

        var problem = await (await client.GetAsync("/api/admin/secrets")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "vault_not_configured");
        Assert.Contains("Secrets__LocalKey is not set", problem.GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);
    }
}

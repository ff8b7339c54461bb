using System.Net;
using System.Net.Http.Json;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Secrets;

/// <summary>An app started without <c>Secrets__LocalKey</c>: what needs the key says what is wrong, everything else runs.</summary>
public sealed class MissingLocalKeyTests
{
    [Fact]
    public async Task WithoutALocalKey_SealingAnswers503WithTheFix_ListingAndTheRestOfTheAppWork()
    {
        await using var factory = AdminAppFactory.WithSettings(new Dictionary<string, string?> { ["Secrets:LocalKey"] = "" });
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);

        var create = await client.PostAsJsonAsync(SecretsRequests.Route,
            new { name = "no-key", value = "v", contentType = "text/plain", reason = "test set-up" });
        var problem = await create.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "vault_not_configured");
        Assert.Contains("Secrets__LocalKey is not set", problem.GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SecretsRequests.Route)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }
}

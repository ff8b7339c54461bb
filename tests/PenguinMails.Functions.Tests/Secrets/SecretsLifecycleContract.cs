using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Secrets;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;
using static PenguinMails.Functions.Tests.Secrets.SecretsRequests;

namespace PenguinMails.Functions.Tests.Secrets;

/// <summary>
/// The secrets API contract (create, read, rotate, update, versions, soft delete, recover, purge), run once per
/// vault adapter by the sealed subclasses, so both adapters are held to the same behaviour.
/// </summary>
public abstract class SecretsLifecycleContract(AdminAppFactory factory)
{
    [Fact]
    public async Task CreatingASecret_ListsMetadataOnly_NeverTheValue()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var (name, value) = (NewName(), NewValue());
        var expires = DateTimeOffset.UtcNow.AddDays(90);
        var created = await CreateAsync(client, name, value, new() { ["classification"] = "restricted", ["owner"] = "billing" }, expires);

        Assert.Equal(name, created.GetProperty("name").GetString());
        Assert.False(created.TryGetProperty("value", out _));
        var listBody = await (await client.GetAsync(Route + "?pageSize=500")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(value, listBody);
        var item = (await ListAllAsync(client, Route)).Single(i => i.GetProperty("name").GetString() == name);
        foreach (var field in new[] { "name", "enabled", "contentType", "tags", "expiresOn", "updatedOn", "version" })
        {
            Assert.True(item.TryGetProperty(field, out _), $"list item lacks {field}");
        }
        Assert.False(item.TryGetProperty("value", out _));
        Assert.True(item.GetProperty("enabled").GetBoolean());
        Assert.Equal("restricted", item.GetProperty("classification").GetString());
        Assert.Equal("billing", item.GetProperty("tags").GetProperty("owner").GetString());
        Assert.Equal(expires.ToUnixTimeSeconds(), item.GetProperty("expiresOn").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal(created.GetProperty("version").GetString(), item.GetProperty("version").GetString());
    }

    [Fact]
    public async Task AnUnclassifiedSecret_IsConfidential_AndABadClassificationIsRejected()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var created = await CreateAsync(client, NewName(), NewValue());
        Assert.Equal("confidential", created.GetProperty("tags").GetProperty("classification").GetString());

        var bad = await client.PostAsJsonAsync(Route, new { name = NewName(), value = "x", tags = new Dictionary<string, string> { ["classification"] = "secret" } });
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("tags", out _));
    }

    [Fact]
    public async Task GetSecret_ReturnsMetadataWithAnETag()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var name = NewName();
        await CreateAsync(client, name, NewValue());

        var response = await client.GetAsync($"{Route}/{name}");
        var body = await response.ReadJsonAsync();
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(name, body.GetProperty("name").GetString());
        Assert.False(body.TryGetProperty("value", out _));
    }

    [Fact]
    public async Task CreatingATakenName_IsAConflict_AndNamesFollowKeyVaultRules()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var name = NewName();
        await CreateAsync(client, name, NewValue());

        await (await client.PostAsJsonAsync(Route, new { name = name.ToUpperInvariant(), value = "again" })).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        foreach (var invalid in new[] { "has_underscore", "has.dot", new string('a', 128) })
        {
            var response = await client.PostAsJsonAsync(Route, new { name = invalid, value = "v" });
            Assert.Contains("name", (await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").ToString());
        }
        await (await client.GetAsync($"{Route}/bad_name")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Rotating_AddsAVersion_KeepsTheTags_AndOldVersionsStayReadable()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var (name, first, second) = (NewName(), NewValue(), NewValue());
        var created = await CreateAsync(client, name, first, new() { ["classification"] = "internal" });
        var etag = (await client.GetAsync($"{Route}/{name}")).Headers.ETag!;

        var rotate = new HttpRequestMessage(HttpMethod.Put, $"{Route}/{name}")
        {
            Content = JsonContent.Create(new { value = second, expiresOn = DateTimeOffset.UtcNow.AddDays(60), reason = "quarterly rotation" }),
        };
        rotate.Headers.IfMatch.Add(etag);
        var rotated = await (await client.SendAsync(rotate)).ReadJsonAsync();

        Assert.NotEqual(created.GetProperty("version").GetString(), rotated.GetProperty("version").GetString());
        Assert.Equal("internal", rotated.GetProperty("classification").GetString());
        Assert.Equal("text/plain", rotated.GetProperty("contentType").GetString());
        var versions = await ListAllAsync(client, $"{Route}/{name}/versions");
        Assert.Equal(2, versions.Count);
        Assert.Equal(second, await RevealValueAsync(client, name));
        Assert.Equal(first, await RevealValueAsync(client, name, created.GetProperty("version").GetString()));
    }

    [Fact]
    public async Task RotatingWithAStaleETag_IsPreconditionFailed()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var name = NewName();
        await CreateAsync(client, name, NewValue());
        var stale = (await client.GetAsync($"{Route}/{name}")).Headers.ETag!;
        await client.PatchAsJsonAsync($"{Route}/{name}", new { contentType = "application/json" });

        var rotate = new HttpRequestMessage(HttpMethod.Put, $"{Route}/{name}") { Content = JsonContent.Create(new { value = "new" }) };
        rotate.Headers.IfMatch.Add(stale);
        await (await client.SendAsync(rotate)).AssertProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
    }

    [Fact]
    public async Task UpdatingProperties_ChangesMetadata_ButTheValueCanOnlyChangeByRotation()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var (name, value) = (NewName(), NewValue());
        var created = await CreateAsync(client, name, value);

        var updated = await (await client.PatchAsJsonAsync($"{Route}/{name}",
            new { contentType = "application/json", tags = new Dictionary<string, string> { ["classification"] = "restricted" } })).ReadJsonAsync();
        Assert.Equal("application/json", updated.GetProperty("contentType").GetString());
        Assert.Equal("restricted", updated.GetProperty("classification").GetString());
        Assert.Equal(created.GetProperty("version").GetString(), updated.GetProperty("version").GetString());

        await (await client.PatchAsJsonAsync($"{Route}/{name}", new { value = "sneaky" })).AssertProblemAsync(HttpStatusCode.BadRequest, "unknown_property");
        Assert.Equal(value, await RevealValueAsync(client, name));
    }

    [Fact]
    public async Task DisablingASecret_BlocksRevealing_ItsValue()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var name = NewName();
        await CreateAsync(client, name, NewValue());
        await (await client.PatchAsJsonAsync($"{Route}/{name}", new { enabled = false })).ReadJsonAsync();

        await (await RevealAsync(client, name)).AssertProblemAsync(HttpStatusCode.Conflict, "secret_disabled");
    }

    [Fact]
    public async Task SoftDelete_HidesTheSecret_HoldsItsName_AndRecoverBringsItBackWithEveryVersion()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var (name, value) = (NewName(), NewValue());
        await CreateAsync(client, name, NewValue());
        await (await client.PutAsJsonAsync($"{Route}/{name}", new { value })).ReadJsonAsync();

        await DeleteAsync(client, name, "decommissioned");
        await (await client.GetAsync($"{Route}/{name}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.DoesNotContain(await ListAllAsync(client, Route), i => i.GetProperty("name").GetString() == name);
        var deleted = (await ListAllAsync(client, "/api/admin/deleted-secrets")).Single(i => i.GetProperty("name").GetString() == name);
        Assert.True(deleted.GetProperty("scheduledPurgeDate").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(6));
        await (await client.PostAsJsonAsync(Route, new { name, value = "reuse" })).AssertProblemAsync(HttpStatusCode.Conflict, "secret_deleted");

        var recovered = await (await client.PostAsJsonAsync($"{Route}/{name}/recover", new { reason = "still needed" })).ReadJsonAsync();
        Assert.Equal(name, recovered.GetProperty("name").GetString());
        Assert.Equal(2, (await ListAllAsync(client, $"{Route}/{name}/versions")).Count);
        Assert.Equal(value, await RevealValueAsync(client, name));
        Assert.DoesNotContain(await ListAllAsync(client, "/api/admin/deleted-secrets"), i => i.GetProperty("name").GetString() == name);
    }

    [Fact]
    public async Task DeletedSecrets_ArePurgedOnceTheirRetentionHasPassed_FreeingTheName()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var name = NewName();
        await CreateAsync(client, name, NewValue());
        await DeleteAsync(client, name);
        var vault = factory.Services.GetRequiredService<ISecretVault>();

        Assert.DoesNotContain(name, await vault.PurgeDueAsync(DateTimeOffset.UtcNow.AddDays(1)));
        Assert.Contains(name, await vault.PurgeDueAsync(DateTimeOffset.UtcNow.AddDays(91)));

        await (await client.PostAsync($"{Route}/{name}/recover", null)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await CreateAsync(client, name, NewValue());
    }

    [Fact]
    public async Task AnUnknownSecret_IsNotFound_OnEveryRoute()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        var name = NewName();
        await (await client.GetAsync($"{Route}/{name}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.GetAsync($"{Route}/{name}/versions")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.PutAsJsonAsync($"{Route}/{name}", new { value = "v" })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.PatchAsJsonAsync($"{Route}/{name}", new { enabled = false })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await SendDeleteAsync(client, name)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await RevealAsync(client, name)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.PostAsJsonAsync($"{Route}/{name}/recover", new { })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task EmptyBodies_AreRejected_NeverAServerError()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        var name = NewName();
        await CreateAsync(client, name, NewValue());
        foreach (var response in new[]
                 {
                     await client.PostAsJsonAsync(Route, new { }), await client.PutAsJsonAsync($"{Route}/{name}", new { }),
                     await RevealAsync(client, name, reason: null),
                 })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        await (await client.PatchAsJsonAsync($"{Route}/{name}", new { })).ReadJsonAsync();
    }

    [Fact]
    public async Task Lists_PageWithSignedCursors()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var names = new[] { NewName(), NewName(), NewName() };
        foreach (var name in names)
        {
            await CreateAsync(client, name, NewValue());
        }
        var listed = (await ListAllAsync(client, Route, pageSize: 2)).Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.All(names, n => Assert.Contains(n, listed));
        Assert.Equal(listed.Count, listed.Distinct().Count());
        await (await client.GetAsync(Route + "?cursor=forged.cursor")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Permissions_ReadManageAndRevealAreSeparate()
    {
        var (admin, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var (support, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SupportAgent);
        await (await admin.GetAsync(Route)).ReadJsonAsync();
        await (await admin.PostAsJsonAsync(Route, new { name = NewName(), value = "v" })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await support.GetAsync(Route)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Route)).StatusCode);
    }
}

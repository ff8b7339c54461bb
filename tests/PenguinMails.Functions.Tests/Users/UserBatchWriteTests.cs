using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Users;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Tenants;

namespace PenguinMails.Functions.Tests.Users;

/// <summary>The storage half of bulk operations: a failure in the middle of a batch leaves each user fully changed or untouched.</summary>
public sealed class UserBatchWriteTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    [Fact]
    public async Task AStaleUserInTheMiddleOfABatch_FailsAlone_AndEveryOtherUserIsWritten()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var tenant = (await TenantTestData.CreateActiveAsync(client)).GetProperty("id").GetString()!;
        var store = factory.Services.GetRequiredService<IPlatformUserStore>();
        var ids = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            ids.Add((await UserTestData.CreateAsync(client, tenant)).Id());
        }
        var loaded = await store.GetManyAsync(ids);
        // Someone edits one user after the bulk operation read it: its ETag no longer matches.
        var victim = ids[17];
        await client.PatchAsJsonAsync($"/api/users/{victim}", new { displayName = "Edited meanwhile" });
        var changes = ids.Select(id => new UserChange(loaded[id].Value, loaded[id].Value with { Role = "viewer" }, loaded[id].ETag)).ToList();

        var results = await store.UpdateManyAsync(changes);

        Assert.Equal(ids, results.Select(r => r.UserId));
        Assert.All(results.Where(r => r.UserId != victim), r => Assert.True(r.Committed));
        var failed = Assert.Single(results, r => !r.Committed);
        Assert.Equal(victim, failed.UserId);
        Assert.StartsWith("precondition_failed", failed.Error);
        var after = await store.GetManyAsync(ids);
        Assert.All(ids.Where(id => id != victim), id => Assert.Equal("viewer", after[id].Value.Role));
        Assert.Equal(("member", "Edited meanwhile"), (after[victim].Value.Role, after[victim].Value.DisplayName));
    }
}

using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Users;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Tenants;

namespace PenguinMails.Functions.Tests.Users;

/// <summary>A batch of a long-running bulk operation runs at least once; these prove its effect happens once.</summary>
public sealed class BulkUserBatchProcessorTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    [Fact]
    public async Task ABatchRerunAfterACrash_ReportsTheUsersItAlreadyChanged_AndAuditsEachOnce()
    {
        var (client, staff) = await TestStaff.SignInAsync(factory, RoleCatalog.UserManager);
        var (admin, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var tenant = (await TenantTestData.CreateActiveAsync(admin)).GetProperty("id").GetString()!;
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await UserTestData.CreateAsync(client, tenant)).Id());
        }
        var operation = "users-bulk-" + Guid.NewGuid().ToString("N");
        var results = factory.Services.GetRequiredService<IBulkUserResultStore>();
        var store = factory.Services.GetRequiredService<IPlatformUserStore>();
        var batches = BulkUserPlan.Batches(ids);
        await results.SavePlanAsync(operation, batches);
        var actor = new Actor(staff.Id, staff.Email, [RoleCatalog.UserManager], RoleCatalog.PermissionsOf([RoleCatalog.UserManager]), null, null,
            null, operation);
        var command = new BulkUserCommand(BulkUserAction.ChangeRole, [], "admin", null, "re-org", false);

        // The first run crashed after writing one user (its row carries the batch key) and before anything else.
        var crashed = (await store.GetAsync(batches[0][0]))!;
        await store.UpdateAsync(crashed.Value, crashed.Value with { Role = "admin", LastBulkBatch = BulkUserPlan.BatchKey(operation, 0) }, crashed.ETag);

        var processor = factory.Services.GetRequiredService<BulkUserBatchProcessor>();
        var summary = await processor.ProcessAsync(actor, new BulkUserBatch(operation, 0, command));
        var again = await processor.ProcessAsync(actor, new BulkUserBatch(operation, 0, command));

        Assert.Equal(new BulkBatchSummary(3, 3, 0, 0), summary);
        Assert.Equal(summary, again);
        var audit = factory.Services.GetRequiredService<IAuditLog>();
        foreach (var id in ids)
        {
            Assert.Equal("admin", (await store.GetAsync(id))!.Value.Role);
            var events = await audit.QueryAsync(new AuditQuery(null, id, "users.bulk.change-role", null, null), PageRequest.First(10));
            Assert.Single(events.Items);
        }
        var first = await results.ListAsync(operation, new PageRequest(2, null));
        var rest = await results.ListAsync(operation, new PageRequest(2, first.NextCursor));
        Assert.Equal(ids.Order(), first.Items.Concat(rest.Items).Select(r => r.UserId).Order());
        Assert.Null(rest.NextCursor);
        Assert.All(first.Items.Concat(rest.Items), r => Assert.Equal(BulkOutcome.Changed, r.Outcome));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Users;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Tenants;
using PenguinMails.Functions.Tests.Workflows;

namespace PenguinMails.Functions.Tests.Users;

/// <summary>A real bulk run over more than 500 users answers 202 and runs as a users-bulk workflow, over HTTP end to end.</summary>
public sealed class UsersBulkWorkflowTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private const int Users = BulkUserPlan.SynchronousLimit + 1;

    private async Task<(HttpClient Client, List<string> Ids)> SeedAsync(int count)
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.UserManager);
        var (admin, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var tenant = (await TenantTestData.CreateActiveAsync(admin)).GetProperty("id").GetString()!;
        var now = DateTimeOffset.UtcNow;
        var users = Enumerable.Range(0, count).Select(i => new PlatformUser(PlatformUserIds.New(), tenant, $"bulk-{i}-{Guid.NewGuid():N}@example.com",
            $"Bulk {i}", "member", PlatformUserStatus.Active, now, null, null)).ToList();
        var written = await factory.Services.GetRequiredService<IPlatformUserStore>().CreateManyAsync(users);
        Assert.All(written, w => Assert.True(w.Committed, w.Error));
        return (client, users.Select(u => u.Id).ToList());
    }

    [Fact]
    public async Task MoreThan500Users_Answers202_RunsAsAWorkflow_AndPagesEveryResult()
    {
        var (client, ids) = await SeedAsync(Users);
        var missing = "ffffffffffffffffffffffff";

        var response = await client.PostAsJsonAsync("/api/users/bulk",
            new { action = "change-role", userIds = ids.Append(missing), parameters = new { role = "billing" }, reason = "re-org", dryRun = false });

        var accepted = await response.ReadJsonAsync(HttpStatusCode.Accepted);
        var id = accepted.GetProperty("workflowId").GetString()!;
        Assert.StartsWith("users-bulk-", id);
        Assert.Equal($"/api/workflows/{id}", response.Headers.Location?.OriginalString);
        var workflow = await WorkflowPolling.WaitForStatusAsync(client, id, "Completed", TimeSpan.FromMinutes(3));
        Assert.Equal($"Completed: {Users + 1}/{Users + 1} users: {Users} changed, 0 unchanged, 1 failed", workflow.GetProperty("customStatus").GetString());
        Assert.Equal(["ApplyBulkBatch", "AuditBulkSummary"], workflow.GetProperty("completedSteps").EnumerateArray().Select(s => s.GetString()));
        var progress = workflow.GetProperty("output").GetProperty("ApplyBulkBatch");
        Assert.Equal((2, 2, Users + 1), (progress.GetProperty("batchesDone").GetInt32(), progress.GetProperty("batches").GetInt32(), progress.GetProperty("done").GetInt32()));

        var results = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"/api/users/bulk/{id}/results?pageSize=200" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")))
                .ReadJsonAsync();
            results.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        } while (cursor is not null);
        Assert.Equal(ids.Append(missing).Order(StringComparer.Ordinal), results.Select(r => r.GetProperty("userId").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("failed", results.Single(r => r.GetProperty("userId").GetString() == missing).GetProperty("outcome").GetString());
        Assert.All(results.Where(r => r.GetProperty("userId").GetString() != missing), r => Assert.Equal("changed", r.GetProperty("outcome").GetString()));

        var stored = await factory.Services.GetRequiredService<IPlatformUserStore>().GetManyAsync(ids);
        Assert.All(ids, u => Assert.Equal("billing", stored[u].Value.Role));
        // Each result names its user by email; the id that matches nobody has none.
        Assert.All(results, r => Assert.Equal(r.GetProperty("userId").GetString() == missing ? null : stored[r.GetProperty("userId").GetString()!].Value.Email,
            r.GetProperty("email").GetString()));
        var audit = factory.Services.GetRequiredService<IAuditLog>();
        var summaries = await audit.QueryAsync(new AuditQuery(null, "change-role", AuditActions.UsersBulk, DateTimeOffset.UtcNow.AddHours(-1), null), PageRequest.First(100));
        var summary = Assert.Single(summaries.Items, e => e.CorrelationId == id);
        Assert.Equal("partial", summary.Outcome);
    }

    [Fact]
    public async Task AFileOfMoreThan500Users_RunsAsAWorkflow_AndRefusesRowsThatNameNobody()
    {
        var (client, ids) = await SeedAsync(Users);
        static StringContent Csv(string text) => new(text, System.Text.Encoding.UTF8, "text/csv");

        var withBadRow = await client.PostAsync("/api/users/bulk/csv?action=ban&reason=abuse", Csv("id\n" + string.Join('\n', ids) + "\nnot-an-id\n"));
        var problem = await withBadRow.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("line", problem.GetProperty("errors").ToString());

        var response = await client.PostAsync("/api/users/bulk/csv?action=ban&reason=abuse", Csv("id\n" + string.Join('\n', ids) + "\n"));
        var id = (await response.ReadJsonAsync(HttpStatusCode.Accepted)).GetProperty("workflowId").GetString()!;
        var workflow = await WorkflowPolling.WaitForStatusAsync(client, id, "Completed", TimeSpan.FromMinutes(3));
        Assert.Equal($"Completed: {Users}/{Users} users: {Users} changed, 0 unchanged, 0 failed", workflow.GetProperty("customStatus").GetString());
        var stored = await factory.Services.GetRequiredService<IPlatformUserStore>().GetManyAsync(ids);
        Assert.All(ids, u => Assert.Equal(PlatformUserStatus.Banned, stored[u].Value.Status));
    }

    [Fact]
    public async Task ADryRunOverMoreThan500Users_StaysSynchronous_AndChangesNobody()
    {
        var (client, ids) = await SeedAsync(Users);

        var response = await client.PostAsJsonAsync("/api/users/bulk", new { action = "change-role", userIds = ids, parameters = new { role = "admin" }, reason = "preview", dryRun = true });

        var report = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(Users, report.GetProperty("summary").GetProperty("changed").GetInt32());
        var stored = await factory.Services.GetRequiredService<IPlatformUserStore>().GetManyAsync(ids);
        Assert.All(ids, u => Assert.Equal("member", stored[u].Value.Role));
    }

    [Fact]
    public async Task AWorkflowRun_IsCheckedLikeASynchronousOne_BeforeAnythingStarts()
    {
        var (client, ids) = await SeedAsync(Users);

        var noReason = await client.PostAsJsonAsync("/api/users/bulk", new { action = "change-role", userIds = ids, parameters = new { role = "admin" }, dryRun = false });
        var unknownTenant = await client.PostAsJsonAsync("/api/users/bulk",
            new { action = "move-tenant", userIds = ids, parameters = new { tenantId = "nosuchtenant" }, reason = "merge", dryRun = false });

        await noReason.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var problem = await unknownTenant.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("parameters.tenantId", problem.GetProperty("errors").ToString());
    }
}

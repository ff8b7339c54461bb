using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Tickets;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Tickets;

/// <summary>The built-in ticket store behind GET/PATCH /api/tickets.</summary>
public sealed class TicketsApiTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private static readonly Actor Robot = Actor.System("tests");

    private TicketService Tickets => factory.Services.GetRequiredService<TicketService>();

    [Fact]
    public async Task CreatingTwiceWithOneIdempotencyKey_YieldsOneTicketAuditedOnce()
    {
        var key = "key-" + Guid.NewGuid();
        var first = await Tickets.CreateAsync(Robot, New(TicketQueues.Finance, key));
        var second = await Tickets.CreateAsync(Robot, New(TicketQueues.Finance, key));

        Assert.Equal(first.Value.Id, second.Value.Id);
        var audit = factory.Services.GetRequiredService<IAuditLog>();
        Assert.Single((await audit.QueryAsync(new AuditQuery(null, first.Value.Id, "ticket.create", null, null), PageRequest.First())).Items);
        await Assert.ThrowsAsync<AdminException>(() => Tickets.CreateAsync(Robot, New("billing", "other-" + key)));
    }

    [Fact]
    public async Task GetTicket_ReturnsItsFieldsCommentsAndETag()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SupportAgent);
        var ticket = (await Tickets.CreateAsync(Robot, New(TicketQueues.Support, "k-" + Guid.NewGuid(), tenantId: "tenant-7"))).Value;

        var response = await client.GetAsync($"/api/tickets/{ticket.Id}");
        var json = await response.ReadJsonAsync();

        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("support", json.GetProperty("queue").GetString());
        Assert.Equal("open", json.GetProperty("status").GetString());
        Assert.Equal("Customer question", json.GetProperty("subject").GetString());
        Assert.Equal("tenant-7", json.GetProperty("tenantId").GetString());
        Assert.Equal(Robot.Id, json.GetProperty("createdBy").GetString());
        Assert.Empty(json.GetProperty("comments").EnumerateArray());
        await (await client.GetAsync("/api/tickets/doesnotexist")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task PatchTicket_ChangesStatusAssigneeAndCommentsUnderIfMatch()
    {
        var (client, me) = await TestStaff.SignInAsync(factory, RoleCatalog.SupportAgent);
        var ticket = (await Tickets.CreateAsync(Robot, New(TicketQueues.Support, "k-" + Guid.NewGuid()))).Value;
        var etag = (await client.GetAsync($"/api/tickets/{ticket.Id}")).Headers.ETag!;

        var updated = await client.SendAsync(Patch(ticket.Id, new { status = "in-progress", assignee = me.Email, comment = "On it." }, etag));
        var json = await updated.ReadJsonAsync();
        Assert.Equal("in-progress", json.GetProperty("status").GetString());
        Assert.Equal(me.Email, json.GetProperty("assignee").GetString());
        var comment = Assert.Single(json.GetProperty("comments").EnumerateArray());
        Assert.Equal("On it.", comment.GetProperty("text").GetString());
        Assert.Equal(me.Email, comment.GetProperty("author").GetString());

        await (await client.SendAsync(Patch(ticket.Id, new { status = "resolved" }, etag))).AssertProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
        var kept = await (await client.SendAsync(Patch(ticket.Id, new { comment = "Second." }, null))).ReadJsonAsync();
        Assert.Equal(me.Email, kept.GetProperty("assignee").GetString());
        Assert.Equal(["On it.", "Second."], kept.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("text").GetString()));
        var unassigned = await (await client.SendAsync(Patch(ticket.Id, new { assignee = (string?)null }, null))).ReadJsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unassigned.GetProperty("assignee").ValueKind);
    }

    [Fact]
    public async Task PatchTicket_RejectsNothingUnknownFieldsAndUnknownStatuses()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SupportAgent);
        var ticket = (await Tickets.CreateAsync(Robot, New(TicketQueues.Support, "k-" + Guid.NewGuid()))).Value;

        await (await client.SendAsync(Patch(ticket.Id, new { }, null))).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await client.SendAsync(Patch(ticket.Id, new { queue = "finance" }, null))).AssertProblemAsync(HttpStatusCode.BadRequest, "unknown_property");
        await (await client.SendAsync(Patch(ticket.Id, new { status = "done-ish" }, null))).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var (auditor, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Auditor);
        await (await auditor.SendAsync(Patch(ticket.Id, new { status = "closed" }, null))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task SecurityAndFinanceTickets_NeedThatDomainsPermission()
    {
        var (support, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SupportAgent);
        var (finance, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Finance);
        var security = (await Tickets.CreateAsync(Robot, New(TicketQueues.Security, "k-" + Guid.NewGuid()))).Value;
        var billing = (await Tickets.CreateAsync(Robot, New(TicketQueues.Finance, "k-" + Guid.NewGuid()))).Value;

        await (await support.GetAsync($"/api/tickets/{security.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await support.GetAsync($"/api/tickets/{billing.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await support.SendAsync(Patch(billing.Id, new { status = "closed" }, null))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await support.GetAsync("/api/tickets?queue=finance")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await support.GetAsync("/api/tickets?queue=billing")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var supportList = await (await support.GetAsync("/api/tickets?pageSize=500")).ReadJsonAsync();
        Assert.All(supportList.GetProperty("items").EnumerateArray(), t => Assert.Equal("support", t.GetProperty("queue").GetString()));
        await (await finance.GetAsync($"/api/tickets/{billing.Id}")).ReadJsonAsync();
    }

    [Fact]
    public async Task ListTickets_FiltersByQueueAndStatusNewestFirstAndPages()
    {
        var (admin, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            created.Add((await Tickets.CreateAsync(Robot, New(TicketQueues.Finance, "k-" + Guid.NewGuid()))).Value.Id);
        }
        await Tickets.UpdateAsync(Robot, created[0], new TicketChange(TicketStatus.Closed), null, null);

        var open = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await admin.GetAsync($"/api/tickets?queue=finance&status=open&pageSize=1&cursor={cursor}")).ReadJsonAsync();
            open.AddRange(page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal([created[2], created[1]], open.Where(created.Contains));
        Assert.DoesNotContain(created[0], open);
    }

    private static NewTicket New(string queue, string key, string? tenantId = null) =>
        new(queue, "Question", "Customer question", "Details.", key, TenantId: tenantId);

    private static HttpRequestMessage Patch(string id, object body, EntityTagHeaderValue? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/tickets/{id}") { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(etag);
        }
        return request;
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Tickets;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Tickets;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Workflows;

namespace PenguinMails.Functions.Tests.Tickets;

/// <summary>The Jira Cloud adapter (Tickets__Kind=Jira) against a fake of Jira's REST v3 API on real HTTP.</summary>
public sealed class JiraTicketSystemTests : IAsyncLifetime
{
    private static readonly Actor Starter = Actor.System("tests");
    private FakeJira _jira = null!;
    private AdminAppFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _jira = await FakeJira.StartAsync();
        _factory = AdminAppFactory.WithSettings(new Dictionary<string, string?>
        {
            ["Triggers:RunLocally"] = "true",
            ["Tickets:Kind"] = "Jira",
            ["Jira:BaseUrl"] = _jira.BaseUrl,
            ["Jira:Email"] = FakeJira.Email,
            ["Jira:ApiToken"] = FakeJira.Token,
            ["Jira:ProjectKey"] = "SEC",
        });
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _jira.DisposeAsync();
    }

    private TicketService Tickets => _factory.Services.GetRequiredService<TicketService>();

    [Fact]
    public async Task CreatingATicket_OpensAJiraIssueWithAnAdfDescriptionAndLinksIt()
    {
        var ticket = (await Tickets.CreateAsync(Starter, NewTicket("k-" + Guid.NewGuid(), "Line one\n\nLine two"))).Value;

        Assert.NotNull(ticket.Key);
        Assert.Equal($"{_jira.BaseUrl}/browse/{ticket.Key}", ticket.ExternalUrl);
        var issue = _jira.Issues[ticket.Key];
        var fields = issue["fields"]!;
        Assert.Equal("Access review", fields["summary"]!.GetValue<string>());
        Assert.Equal("Task", fields["issuetype"]!["name"]!.GetValue<string>());
        var paragraphs = fields["description"]!["content"]!.AsArray();
        Assert.Equal("Line one", paragraphs[0]!["content"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("Line two", paragraphs[1]!["content"]![0]!["text"]!.GetValue<string>());
        Assert.Contains(issue["labels"]!.AsArray(), l => l!.GetValue<string>() == "queue-security");
    }

    [Fact]
    public async Task CreatingTwiceWithOneKey_OpensOneIssue()
    {
        var key = "k-" + Guid.NewGuid();
        var first = await Tickets.CreateAsync(Starter, NewTicket(key));
        var second = await Tickets.CreateAsync(Starter, NewTicket(key));

        Assert.Equal(first.Value.Id, second.Value.Id);
        Assert.Single(_jira.Issues.Values, i => i["labels"]!.AsArray().Any(l => l!.GetValue<string>() == JiraTicketSystem.IdempotencyLabel(key)));
    }

    [Fact]
    public async Task AnIssueCreatedBeforeACrash_IsFoundByItsLabelInsteadOfDuplicated()
    {
        var key = "k-" + Guid.NewGuid();
        var existing = _jira.Seed(JiraTicketSystem.IdempotencyLabel(key));
        var before = _jira.Issues.Count;

        var ticket = (await Tickets.CreateAsync(Starter, NewTicket(key))).Value;

        Assert.Equal(existing, ticket.Key);
        Assert.Equal(before, _jira.Issues.Count);
    }

    [Fact]
    public async Task WhenJiraFails_TheCallIsUnavailableAndARetryLinksTheSameTicket()
    {
        var key = "k-" + Guid.NewGuid();
        _jira.FailCreateWith = 503;
        var failure = await Assert.ThrowsAsync<AdminException>(() => Tickets.CreateAsync(Starter, NewTicket(key)));
        Assert.Equal("ticket_system_unavailable", failure.Code);
        var local = (await Tickets.FindByIdempotencyKeyAsync(key))!.Value;
        Assert.Null(local.Key);

        _jira.FailCreateWith = null;
        var linked = (await Tickets.CreateAsync(Starter, NewTicket(key))).Value;
        Assert.Equal(local.Id, linked.Id);
        Assert.NotNull(linked.Key);
    }

    [Fact]
    public async Task UpdatingOverHttp_CommentsAndTransitionsTheJiraIssue()
    {
        var (officer, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.SecurityOfficer);
        var ticket = (await Tickets.CreateAsync(Starter, NewTicket("k-" + Guid.NewGuid()))).Value;

        var response = await officer.PatchAsJsonAsync($"/api/tickets/{ticket.Id}", new { status = "resolved", comment = "Reviewed, nothing found." });
        await response.ReadJsonAsync();

        var (key, body) = Assert.Single(_jira.Comments, c => c.Key == ticket.Key);
        Assert.Equal("doc", body["type"]!.GetValue<string>());
        Assert.Contains(body["content"]!.AsArray(), p => p!["content"]![0]!["text"]!.GetValue<string>() == "Reviewed, nothing found.");
        Assert.Equal("31", Assert.Single(_jira.Transitions, t => t.Key == key).TransitionId);
    }

    [Fact]
    public async Task OffboardingReview_IsFiledInJira()
    {
        var (admin, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        var target = await TestStaff.CreateAsync(_factory, RoleCatalog.SupportAgent);
        var accepted = await (await admin.PostAsJsonAsync($"/api/staff/{target.Id}/offboard", new { reason = "Left" })).ReadJsonAsync(HttpStatusCode.Accepted);

        var workflow = await WorkflowPolling.WaitForStatusAsync(admin, accepted.GetProperty("workflowId").GetString()!, "Completed");
        var review = workflow.GetProperty("output").GetProperty("AuditReview");
        var ticket = await (await admin.GetAsync($"/api/tickets/{review.GetProperty("ticketId").GetString()}")).ReadJsonAsync();
        Assert.StartsWith(_jira.BaseUrl + "/browse/SEC-", ticket.GetProperty("externalUrl").GetString());
        Assert.True(_jira.Issues.ContainsKey(review.GetProperty("ticketKey").GetString()!));
    }

    private static NewTicket NewTicket(string key, string description = "Please review.") =>
        new(TicketQueues.Security, "Access Review", "Access review", description, key);
}

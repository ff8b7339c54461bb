using System.Net;
using System.Net.Http.Json;
using PenguinMails.Admin.Billing.Disputes;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Workflows;
using static PenguinMails.Functions.Tests.Billing.FinanceSteps;

namespace PenguinMails.Functions.Tests.Billing;

/// <summary>
/// Disputes: staff open "Billing Dispute" tickets on the finance queue, and a Stripe dispute runs as the billing-dispute
/// workflow (ticket → its status follows charge.dispute.* → closed with the outcome).
/// </summary>
public sealed class DisputeWorkflowTests(BillingAppFactory factory) : IClassFixture<BillingAppFactory>
{
    private readonly HttpClient _webhooks = factory.CreateClient();

    [Fact]
    public async Task OpeningADispute_CreatesABillingDisputeTicketThatTheTicketsApiListsAndChanges()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Finance);
        var (tenantId, _) = await factory.NewTenantAsync();

        var response = await client.PostAsJsonAsync("/api/finance/disputes", new { tenantId, reason = "Customer says March was billed twice" });

        var ticket = await response.ReadJsonAsync(HttpStatusCode.Created);
        var id = ticket.GetProperty("id").GetString()!;
        Assert.Equal("Billing Dispute", ticket.GetProperty("type").GetString());
        Assert.Equal("finance", ticket.GetProperty("queue").GetString());
        Assert.Equal("open", ticket.GetProperty("status").GetString());
        Assert.Equal(tenantId, ticket.GetProperty("tenantId").GetString());
        Assert.Equal($"/api/tickets/{id}", response.Headers.Location?.OriginalString);
        var listed = await (await client.GetAsync("/api/tickets?queue=finance&pageSize=500")).ReadJsonAsync();
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetString() == id);
        var patched = await client.PatchAsJsonAsync($"/api/tickets/{id}", new { status = "in-progress", comment = "Asked legal" });
        Assert.Equal("in-progress", (await patched.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Contains(await factory.AuditAsync(id), e => e.Action == "finance.dispute.open");
        await (await client.PostAsJsonAsync("/api/finance/disputes", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task StripeDispute_RunsAsAWorkflowWhoseTicketFollowsStripeUntilItCloses()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Finance);
        var (tenantId, customerId) = await factory.NewTenantAsync();
        factory.Stripe.Put("charges", StripeObjects.Charge("ch_" + tenantId, customerId, 4900));
        var dueBy = DateTimeOffset.UtcNow.AddDays(10);
        var disputeId = "dp_" + tenantId;
        var workflowId = BillingDisputeWorkflow.InstanceId(disputeId);

        await factory.DeliverAsync(_webhooks, StripeWebhooks.Event("charge.dispute.created",
            factory.Stripe.Put("disputes", StripeObjects.Dispute(disputeId, "ch_" + tenantId, "needs_response", dueBy))));

        var waiting = await WorkflowPolling.WaitForStatusAsync(client, workflowId, "Waiting", BillingTestExtensions.Patience);
        Assert.Equal("billing-dispute", waiting.GetProperty("type").GetString());
        var ticket = await FinanceTicketOfAsync(client, workflowId);
        var ticketId = ticket.GetProperty("id").GetString()!;
        Assert.Equal("Billing Dispute", ticket.GetProperty("type").GetString());
        Assert.Equal("open", ticket.GetProperty("status").GetString());
        Assert.Contains($"Evidence is due by {dueBy:yyyy-MM-dd}", ticket.GetProperty("description").GetString());

        await factory.DeliverAsync(_webhooks, StripeWebhooks.Event("charge.dispute.updated",
            factory.Stripe.Put("disputes", StripeObjects.Dispute(disputeId, "ch_" + tenantId, "under_review", dueBy))));
        Assert.Equal("in-progress", (await TicketAsync(client, ticketId)).GetProperty("status").GetString());
        Assert.Contains(await factory.AuditAsync(ticketId), e => e.Action == "finance.dispute.update" && e.ActorId == "stripe");

        await factory.DeliverAsync(_webhooks, StripeWebhooks.Event("charge.dispute.closed",
            factory.Stripe.Put("disputes", StripeObjects.Dispute(disputeId, "ch_" + tenantId, "won", dueBy))));

        var completed = await WorkflowPolling.WaitForStatusAsync(client, workflowId, "Completed", BillingTestExtensions.Patience);
        Assert.Equal("won", completed.GetProperty("output").GetProperty("CloseDisputeTicket").GetProperty("status").GetString());
        var closed = await TicketAsync(client, ticketId);
        Assert.Equal("resolved", closed.GetProperty("status").GetString());
        Assert.Contains(Comments(closed), c => c.Contains("is closed: won", StringComparison.Ordinal));
    }
}

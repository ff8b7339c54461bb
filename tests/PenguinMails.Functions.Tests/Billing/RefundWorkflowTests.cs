using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Workflows;
using static PenguinMails.Functions.Tests.Billing.FinanceSteps;

namespace PenguinMails.Functions.Tests.Billing;

/// <summary>
/// The refund story end to end on Azurite and the Stripe fake, with the local trigger runner: the request starts the
/// refund-request workflow, its ticket is a finance ticket, and Stripe's signed refund webhook completes it.
/// </summary>
public sealed class RefundWorkflowTests(BillingAppFactory factory) : IClassFixture<BillingAppFactory>
{
    private readonly HttpClient _webhooks = factory.CreateClient();

    [Fact]
    public async Task RefundStory_RequestTicketSignedRefundWebhookCompletesTheWorkflow()
    {
        var (client, me) = await TestStaff.SignInAsync(factory, RoleCatalog.Finance);
        var scenario = await RefundScenario.ArrangeAsync(factory);

        var (id, response) = await RequestRefundAsync(client, scenario.TenantId, scenario.InvoiceId);

        Assert.Equal($"/api/workflows/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal($"/api/workflows/{id}", (await response.ReadJsonAsync(HttpStatusCode.Accepted)).GetProperty("statusUrl").GetString());
        var waiting = await WorkflowPolling.WaitForStatusAsync(client, id, "Waiting", BillingTestExtensions.Patience);
        Assert.Equal("refund-request", waiting.GetProperty("type").GetString());
        Assert.Contains("waiting for 'RefundConfirmed'", waiting.GetProperty("customStatus").GetString());
        var ticket = await FinanceTicketOfAsync(client, id);
        Assert.Equal("Refund Request", ticket.GetProperty("type").GetString());
        Assert.Equal(scenario.InvoiceId, ticket.GetProperty("invoiceId").GetString());
        Assert.Equal(scenario.TenantId, ticket.GetProperty("tenantId").GetString());
        Assert.Contains("Reason: Duplicate Charge", ticket.GetProperty("description").GetString());
        Assert.Contains(scenario.DuplicateChargeId, ticket.GetProperty("description").GetString());
        var ticketId = ticket.GetProperty("id").GetString()!;
        await PatchAsync(client, ticketId, new { status = "in-progress", assignee = me.Email, comment = "Refunding in Stripe" });

        var (charge, _) = scenario.RefundInStripe(factory);
        await factory.DeliverAsync(_webhooks, StripeWebhooks.Event("charge.refunded", charge));

        var completed = await WorkflowPolling.WaitForStatusAsync(client, id, "Completed", BillingTestExtensions.Patience);
        Assert.Equal("Completed", completed.GetProperty("customStatus").GetString());
        Assert.Contains(WorkflowPolling.History(completed, "EventReceived"), h => h.GetProperty("name").GetString() == "RefundConfirmed");
        Assert.Equal(["VerifyDuplicateCharge", "OpenRefundTicket", "CloseRefundTicket", "NotifyCustomer"],
            WorkflowPolling.History(completed, "ActivityCompleted").Select(h => h.GetProperty("name").GetString()));
        var closed = await TicketAsync(client, ticketId);
        Assert.Equal("resolved", closed.GetProperty("status").GetString());
        Assert.Contains(Comments(closed), c => c.Contains("Customer notification is due for support", StringComparison.Ordinal));
        var refund = await WaitForRefundAsync(client, id, "completed");
        Assert.NotEqual(JsonValueKind.Null, refund.GetProperty("customerNotificationDueAt").ValueKind);
        var (admin, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        var notification = await TicketAsync(admin, refund.GetProperty("notificationTicketId").GetString()!);
        Assert.Equal("support", notification.GetProperty("queue").GetString());
        Assert.Equal("Customer Notification", notification.GetProperty("type").GetString());
    }

    [Fact]
    public async Task RequestingTheSameRefundAgain_AnswersWithTheExistingWorkflow()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Finance);
        var scenario = await RefundScenario.ArrangeAsync(factory);

        var (first, _) = await RequestRefundAsync(client, scenario.TenantId, scenario.InvoiceId);
        var (whileRunning, _) = await RequestRefundAsync(client, scenario.TenantId, scenario.InvoiceId, "asked again");
        await WorkflowPolling.WaitForStatusAsync(client, first, "Waiting", BillingTestExtensions.Patience);
        var (charge, _) = scenario.RefundInStripe(factory);
        await factory.DeliverAsync(_webhooks, StripeWebhooks.Event("charge.refunded", charge));
        await WorkflowPolling.WaitForStatusAsync(client, first, "Completed", BillingTestExtensions.Patience);
        var (afterwards, _) = await RequestRefundAsync(client, scenario.TenantId, scenario.InvoiceId, "and again");

        Assert.Equal(first, whileRunning);
        Assert.Equal(first, afterwards);
        var workflow = await (await client.GetAsync($"/api/workflows/{first}")).ReadJsonAsync();
        Assert.Equal("Completed", workflow.GetProperty("runtimeStatus").GetString());
        Assert.Single(WorkflowPolling.History(workflow, "ExecutionStarted"));
        Assert.Single(await factory.AuditAsync(first), e => e.Action == "finance.refund.request");
    }

    [Fact]
    public async Task RefundUpdatedSucceeded_ConfirmsAndALaterRefundFailed_ReopensTheTicketAndWaitsAgain()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Finance);
        var scenario = await RefundScenario.ArrangeAsync(factory);
        var (id, _) = await RequestRefundAsync(client, scenario.TenantId, scenario.InvoiceId);
        var ticketId = (await WaitForRefundAsync(client, id, "awaiting-refund")).GetProperty("ticketId").GetString()!;

        var (_, succeeded) = scenario.RefundInStripe(factory);
        await factory.DeliverAsync(_webhooks, StripeWebhooks.Event("refund.updated", succeeded));
        await WaitForRefundAsync(client, id, "completed");
        Assert.Equal("resolved", (await TicketAsync(client, ticketId)).GetProperty("status").GetString());
        var (_, failed) = scenario.RefundInStripe(factory, "failed");
        await factory.DeliverAsync(_webhooks, StripeWebhooks.Event("refund.failed", failed));

        var again = await WaitForRefundAsync(client, id, "awaiting-refund");
        Assert.Equal(ticketId, again.GetProperty("ticketId").GetString());
        var reopened = await TicketAsync(client, ticketId);
        Assert.Equal("open", reopened.GetProperty("status").GetString());
        Assert.Contains(Comments(reopened), c => c.Contains("expired_or_canceled_card", StringComparison.Ordinal));
        var workflow = await WorkflowPolling.WaitForStatusAsync(client, id, "Waiting", BillingTestExtensions.Patience);
        // A second execution under the same id: the task hub keeps only the latest one's history, the audit log has both starts.
        Assert.Single(WorkflowPolling.History(workflow, "ExecutionStarted"));
        Assert.Equal(2, (await factory.AuditAsync(id)).Count(e => e.Action == "workflow.start"));
        Assert.Contains(await factory.AuditAsync(id), e => e.Action == "finance.refund.failed" && e.ActorId == "stripe");
    }

    [Fact]
    public async Task RefundWithoutADuplicateCharge_CompletesRejectedWithTheReasonAndNoTicket()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Finance);
        var scenario = await RefundScenario.ArrangeAsync(factory, chargedTwice: false);

        var (id, _) = await RequestRefundAsync(client, scenario.TenantId, scenario.InvoiceId, "twice?");

        var workflow = await WorkflowPolling.WaitForStatusAsync(client, id, "Completed", BillingTestExtensions.Patience);
        Assert.StartsWith("Rejected: No duplicate charge: Stripe shows 1 kept charge(s)", workflow.GetProperty("customStatus").GetString());
        Assert.False(workflow.GetProperty("output").GetProperty("VerifyDuplicateCharge").GetProperty("duplicate").GetBoolean());
        Assert.DoesNotContain(WorkflowPolling.History(workflow, "ActivityCompleted"), h => h.GetProperty("name").GetString() == "OpenRefundTicket");
        var rejected = await WaitForRefundAsync(client, id, "rejected");
        Assert.StartsWith("No duplicate charge: Stripe shows 1 kept charge(s)", rejected.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, rejected.GetProperty("ticketId").ValueKind);
        Assert.Contains(await factory.AuditAsync(id), e => e.Action == "finance.refund.reject");
    }

    [Fact]
    public async Task RefundOfAnotherTenantsInvoice_IsRejected()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Finance);
        var victim = await RefundScenario.ArrangeAsync(factory);
        var (attackerTenant, _) = await factory.NewTenantAsync();

        var (id, _) = await RequestRefundAsync(client, attackerTenant, victim.InvoiceId, "mine");

        Assert.NotEqual(id, (await RequestRefundAsync(client, victim.TenantId, victim.InvoiceId)).WorkflowId);
        var rejected = await WaitForRefundAsync(client, id, "rejected");
        Assert.Contains("is not an invoice of tenant", rejected.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task RefundRequests_ValidateAndNeedAKnownTenant()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Finance);

        var refund = await (await client.PostAsJsonAsync("/api/finance/refunds", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await client.PostAsJsonAsync("/api/finance/refunds", new { tenantId = "tn_missing", invoiceId = "in_1", reason = "x" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.GetAsync("/api/finance/refunds/offboarding-someone")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        Assert.True(refund.GetProperty("errors").TryGetProperty("invoiceId", out _));
    }

    private static async Task PatchAsync(HttpClient client, string ticketId, object change)
    {
        var current = await client.GetAsync($"/api/tickets/{ticketId}");
        current.EnsureSuccessStatusCode();
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/tickets/{ticketId}") { Content = JsonContent.Create(change) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(current.Headers.ETag!.ToString()));
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
    }
}

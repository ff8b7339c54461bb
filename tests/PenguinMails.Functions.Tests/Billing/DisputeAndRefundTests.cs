using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Billing;

/// <summary>POST /finance/disputes and the refund story: request, verification, ticket, Stripe's confirmation, completion.</summary>
public sealed class DisputeAndRefundTests(BillingAppFactory factory) : IClassFixture<BillingAppFactory>
{
    private readonly HttpClient _webhooks = factory.CreateClient();

    private IFinanceTicketDesk Desk => factory.Services.GetRequiredService<IFinanceTicketDesk>();

    [Fact]
    public async Task OpeningADispute_CreatesABillingDisputeTicketOnTheFinanceQueue()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Finance);
        var (tenantId, _) = await factory.NewTenantAsync();

        var response = await client.PostAsJsonAsync("/api/finance/disputes", new { tenantId, reason = "Customer says March was billed twice" });

        var ticket = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Billing Dispute", ticket.GetProperty("title").GetString());
        Assert.Equal("finance", ticket.GetProperty("queue").GetString());
        Assert.Equal("open", ticket.GetProperty("status").GetString());
        Assert.Equal($"/api/tickets/{ticket.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        Assert.Contains(await factory.AuditAsync(ticket.GetProperty("id").GetString()!), e => e.Action == "finance.dispute.open");
    }

    [Fact]
    public async Task DisputeAndRefundRequests_ValidateTheirFields()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Finance);

        var dispute = await (await client.PostAsJsonAsync("/api/finance/disputes", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var refund = await (await client.PostAsJsonAsync("/api/finance/refunds", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await client.PostAsJsonAsync("/api/finance/refunds", new { tenantId = "tn_missing", invoiceId = "in_1", reason = "x" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        Assert.True(dispute.GetProperty("errors").TryGetProperty("tenantId", out _));
        Assert.True(refund.GetProperty("errors").TryGetProperty("invoiceId", out _));
    }

    [Fact]
    public async Task RefundStory_RequestTicketStripeConfirmationCompleted()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Finance);
        var scenario = await RefundScenario.ArrangeAsync(factory);

        var response = await client.PostAsJsonAsync("/api/finance/refunds",
            new { tenantId = scenario.TenantId, invoiceId = scenario.InvoiceId, reason = "Customer charged twice" });

        var accepted = await response.ReadJsonAsync(HttpStatusCode.Accepted);
        var id = accepted.GetProperty("workflowId").GetString()!;
        Assert.Equal($"/api/workflows/{id}", accepted.GetProperty("statusUrl").GetString());
        Assert.Equal($"/api/workflows/{id}", response.Headers.Location?.OriginalString);
        var waiting = await WaitForRefundAsync(client, id, "awaiting-refund");
        Assert.Equal(scenario.DuplicateChargeId, waiting.GetProperty("duplicateChargeId").GetString());
        var ticket = (await Desk.GetAsync(waiting.GetProperty("ticketId").GetString()!))!;
        Assert.Equal("Refund Request", ticket.Title);
        Assert.Contains(scenario.InvoiceId, ticket.Description);
        Assert.Contains("Reason: Duplicate Charge", ticket.Description);

        var (charge, _) = scenario.RefundInStripe(factory);
        await factory.DeliverAsync(_webhooks, StripeWebhooks.Event("charge.refunded", charge));

        var completed = await WaitForRefundAsync(client, id, "completed");
        Assert.NotEqual(JsonValueKind.Null, completed.GetProperty("customerNotificationDueAt").ValueKind);
        Assert.Equal(FinanceTicketStatus.Done, (await Desk.GetAsync(ticket.Id))?.Status);
        Assert.Equal(["Requested", "VerifyDuplicateCharge", "CreateTicket", "RefundConfirmed", "NotifyCustomer"],
            completed.GetProperty("history").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task RefundUpdatedSucceeded_ConfirmsAndRefundFailed_ReopensTheTicket()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Finance);
        var scenario = await RefundScenario.ArrangeAsync(factory);
        var id = (await (await client.PostAsJsonAsync("/api/finance/refunds",
            new { tenantId = scenario.TenantId, invoiceId = scenario.InvoiceId, reason = "twice" })).ReadJsonAsync(HttpStatusCode.Accepted))
            .GetProperty("workflowId").GetString()!;
        var ticketId = (await WaitForRefundAsync(client, id, "awaiting-refund")).GetProperty("ticketId").GetString()!;

        var (_, succeeded) = scenario.RefundInStripe(factory);
        await factory.DeliverAsync(_webhooks, StripeWebhooks.Event("refund.updated", succeeded));
        await WaitForRefundAsync(client, id, "completed");
        var (_, failed) = scenario.RefundInStripe(factory, "failed");
        await factory.DeliverAsync(_webhooks, StripeWebhooks.Event("refund.failed", failed));

        await WaitForRefundAsync(client, id, "awaiting-refund");
        var ticket = (await Desk.GetAsync(ticketId))!;
        Assert.Equal(FinanceTicketStatus.Open, ticket.Status);
        Assert.Contains(ticket.Notes, n => n.Contains("expired_or_canceled_card", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefundWithoutADuplicateCharge_IsRejectedWithTheReason()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Finance);
        var scenario = await RefundScenario.ArrangeAsync(factory, chargedTwice: false);

        var id = (await (await client.PostAsJsonAsync("/api/finance/refunds",
            new { tenantId = scenario.TenantId, invoiceId = scenario.InvoiceId, reason = "twice?" })).ReadJsonAsync(HttpStatusCode.Accepted))
            .GetProperty("workflowId").GetString()!;

        var rejected = await WaitForRefundAsync(client, id, "rejected");
        Assert.StartsWith("No duplicate charge: Stripe shows 1 kept charge(s)", rejected.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, rejected.GetProperty("ticketId").ValueKind);
    }

    [Fact]
    public async Task RefundOfAnotherTenantsInvoice_IsRejected()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Finance);
        var victim = await RefundScenario.ArrangeAsync(factory);
        var (attackerTenant, _) = await factory.NewTenantAsync();

        var id = (await (await client.PostAsJsonAsync("/api/finance/refunds",
            new { tenantId = attackerTenant, invoiceId = victim.InvoiceId, reason = "mine" })).ReadJsonAsync(HttpStatusCode.Accepted))
            .GetProperty("workflowId").GetString()!;

        var rejected = await WaitForRefundAsync(client, id, "rejected");
        Assert.Contains("is not an invoice of tenant", rejected.GetProperty("outcome").GetString());
    }

    private static async Task<JsonElement> WaitForRefundAsync(HttpClient client, string id, string status)
    {
        JsonElement body = default;
        await Eventually.TrueAsync(async () =>
        {
            body = await (await client.GetAsync($"/api/finance/refunds/{id}")).ReadJsonAsync();
            return body.GetProperty("status").GetString() == status;
        }, because: $"refund {id} did not become {status}");
        return body;
    }
}

using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Billing;

namespace PenguinMails.Functions.Tests.Billing;

/// <summary>Invoice, charge and dispute events keep the mirror and the dispute tickets current from Stripe's fresh objects.</summary>
public sealed class TransactionWebhookTests(BillingAppFactory factory) : IClassFixture<BillingAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private ITransactionMirror Mirror => factory.Services.GetRequiredService<ITransactionMirror>();

    [Theory]
    [InlineData("invoice.paid", "paid")]
    [InlineData("invoice.payment_failed", "open")]
    [InlineData("invoice.finalized", "open")]
    [InlineData("invoice.voided", "void")]
    public async Task InvoiceEvents_MirrorTheInvoiceAsStripeHasItNow(string type, string status)
    {
        var (tenantId, customerId) = await factory.NewTenantAsync();
        var invoice = factory.Stripe.Put("invoices", StripeObjects.Invoice("in_" + tenantId, customerId, 4900, status));

        await factory.DeliverAsync(_client, StripeWebhooks.Event(type, invoice));

        var mirrored = await Mirror.GetAsync(tenantId, "in_" + tenantId);
        Assert.Equal(status, mirrored?.Status);
        Assert.Equal(4900, mirrored?.Amount);
    }

    [Fact]
    public async Task StaleInvoicePayload_IsIgnoredInFavourOfStripesCurrentInvoice()
    {
        var (tenantId, customerId) = await factory.NewTenantAsync();
        factory.Stripe.Put("invoices", StripeObjects.Invoice("in_" + tenantId, customerId, 4900, "paid"));

        await factory.DeliverAsync(_client, StripeWebhooks.Event("invoice.payment_failed", StripeObjects.Invoice("in_" + tenantId, customerId, 4900, "open")));

        Assert.Equal("paid", (await Mirror.GetAsync(tenantId, "in_" + tenantId))?.Status);
    }

    [Theory]
    [InlineData("charge.succeeded", 0)]
    [InlineData("charge.refunded", 4900)]
    public async Task ChargeEvents_MirrorTheCharge(string type, long refunded)
    {
        var (tenantId, customerId) = await factory.NewTenantAsync();
        var charge = factory.Stripe.Put("charges", StripeObjects.Charge("ch_" + tenantId, customerId, 4900, refunded: refunded));

        await factory.DeliverAsync(_client, StripeWebhooks.Event(type, charge));

        Assert.Equal(refunded, (await Mirror.GetAsync(tenantId, "ch_" + tenantId))?.AmountRefunded);
    }

    [Fact]
    public async Task DisputeEvents_OpenAndThenCloseTheDisputeTicketWithItsDueDate()
    {
        var (tenantId, customerId) = await factory.NewTenantAsync();
        factory.Stripe.Put("charges", StripeObjects.Charge("ch_" + tenantId, customerId, 4900));
        var dueBy = DateTimeOffset.UtcNow.AddDays(10);
        var disputeId = "dp_" + tenantId;
        var dispute = factory.Stripe.Put("disputes", StripeObjects.Dispute(disputeId, "ch_" + tenantId, "needs_response", dueBy));

        await factory.DeliverAsync(_client, StripeWebhooks.Event("charge.dispute.created", dispute));

        var desk = factory.Services.GetRequiredService<IFinanceTicketDesk>();
        var ticket = await desk.FindAsync("stripe-dispute:" + disputeId);
        Assert.NotNull(ticket);
        Assert.Equal(FinanceTicket.BillingDisputeTitle, ticket.Title);
        Assert.Equal("finance", ticket.Queue);
        Assert.Equal(FinanceTicketStatus.Open, ticket.Status);
        Assert.Equal(dueBy.ToUnixTimeSeconds(), ticket.DueAt?.ToUnixTimeSeconds());

        var won = factory.Stripe.Put("disputes", StripeObjects.Dispute(disputeId, "ch_" + tenantId, "won", dueBy));
        await factory.DeliverAsync(_client, StripeWebhooks.Event("charge.dispute.closed", won));

        Assert.Equal(FinanceTicketStatus.Done, (await desk.GetAsync(ticket.Id))?.Status);
        Assert.Contains(await factory.AuditAsync(ticket.Id), e => e.Action == "finance.dispute.update" && e.ActorId == "stripe");
    }

    [Fact]
    public async Task ObjectStripeDoesNotHaveYet_FailsSoTheQueueRetries()
    {
        var missing = StripeObjects.Invoice("in_not_there_" + Guid.NewGuid().ToString("N")[..6], "cus_x", 100);
        var body = await (await StripeWebhooks.SendAsync(_client, StripeWebhooks.Event("invoice.paid", missing))).Content.ReadAsStringAsync();
        var eventId = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("eventId").GetString()!;
        var store = factory.Services.GetRequiredService<IStripeEventStore>();

        factory.Stripe.Put("invoices", missing);

        await Infrastructure.Eventually.TrueAsync(async () => (await store.GetAsync(eventId))?.Status == StripeEventStatus.Processed);
    }
}

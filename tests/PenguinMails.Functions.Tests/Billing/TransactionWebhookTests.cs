using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Billing;

namespace PenguinMails.Functions.Tests.Billing;

/// <summary>Invoice and charge events keep the mirror current from Stripe's fresh objects.</summary>
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

using System.Text.Json.Nodes;

namespace PenguinMails.Functions.Tests.Billing;

/// <summary>An invoice paid once through its invoice payment and then charged a second time, in the Stripe fake.</summary>
public sealed record RefundScenario(string TenantId, string CustomerId, string InvoiceId, string OriginalChargeId, string DuplicateChargeId)
{
    public const long Amount = 4900;

    public static async Task<RefundScenario> ArrangeAsync(BillingAppFactory factory, bool chargedTwice = true)
    {
        var (tenantId, customerId) = await factory.NewTenantAsync();
        var paidAt = DateTimeOffset.UtcNow.AddDays(-2);
        var scenario = new RefundScenario(tenantId, customerId, "in_" + tenantId, "ch_orig_" + tenantId, "ch_dup_" + tenantId);
        factory.Stripe.Put("invoices", StripeObjects.Invoice(scenario.InvoiceId, customerId, Amount, created: paidAt.AddMinutes(-1)));
        factory.Stripe.Put("charges", StripeObjects.Charge(scenario.OriginalChargeId, customerId, Amount, paidAt));
        factory.Stripe.Put("invoice_payments", StripeObjects.InvoicePayment("inpay_" + tenantId, scenario.InvoiceId, scenario.OriginalChargeId, paidAt));
        if (chargedTwice)
        {
            factory.Stripe.Put("charges", StripeObjects.Charge(scenario.DuplicateChargeId, customerId, Amount, paidAt.AddMinutes(4)));
        }
        return scenario;
    }

    /// <summary>Stripe refunds the duplicate: the charge shows it refunded, and the refund object exists.</summary>
    public (JsonObject Charge, JsonObject Refund) RefundInStripe(BillingAppFactory factory, string status = "succeeded")
    {
        var charge = factory.Stripe.Put("charges", StripeObjects.Charge(DuplicateChargeId, CustomerId, Amount, DateTimeOffset.UtcNow.AddDays(-2),
            refunded: status == "succeeded" ? Amount : 0));
        var refund = factory.Stripe.Put("refunds", StripeObjects.Refund("re_" + TenantId, DuplicateChargeId, status, Amount,
            status == "failed" ? "expired_or_canceled_card" : null));
        return (charge, refund);
    }
}

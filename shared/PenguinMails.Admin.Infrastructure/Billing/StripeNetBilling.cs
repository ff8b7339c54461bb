using System.Net;
using System.Runtime.CompilerServices;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Common;
using Stripe;
using StripeCharge = PenguinMails.Admin.Billing.StripeCharge;
using StripeDispute = PenguinMails.Admin.Billing.StripeDispute;
using StripeInvoice = PenguinMails.Admin.Billing.StripeInvoice;
using StripeRefund = PenguinMails.Admin.Billing.StripeRefund;
using StripeSubscription = PenguinMails.Admin.Billing.StripeSubscription;

namespace PenguinMails.Admin.Infrastructure.Billing;

/// <summary>
/// <see cref="IStripeBilling"/> through Stripe.net (which retries network failures itself). A 404 from Stripe reads as
/// null; without a secret key every call is a 503 <c>stripe_not_configured</c>.
/// </summary>
public sealed class StripeNetBilling(StripeOptions options, HttpClient httpClient) : IStripeBilling
{
    private readonly Lazy<StripeClient> _client = new(() => new StripeClient(new StripeClientOptions
    {
        ApiKey = options.SecretKey,
        ApiBase = string.IsNullOrWhiteSpace(options.ApiBase) ? null : options.ApiBase.TrimEnd('/'),
        HttpClient = new SystemNetHttpClient(httpClient, maxNetworkRetries: 2),
    }));

    public bool IsConfigured => options.IsConfigured;

    public bool IsTestMode => options.IsTestMode;

    private V1Services V1 => options.IsConfigured
        ? _client.Value.V1
        : throw AdminException.Unavailable("stripe_not_configured", "Stripe is not configured: set Stripe__SecretKey to use the finance API.");

    public Task<StripeSubscription?> GetSubscriptionAsync(string id, CancellationToken cancellationToken = default) =>
        FindAsync(() => V1.Subscriptions.GetAsync(id, cancellationToken: cancellationToken), StripeObjectMapper.ToSubscription);

    public async Task<IReadOnlyList<StripeSubscription>> ListSubscriptionsAsync(string customerId, CancellationToken cancellationToken = default)
    {
        var list = await V1.Subscriptions.ListAsync(new SubscriptionListOptions { Customer = customerId, Status = "all", Limit = 100 },
            cancellationToken: cancellationToken);
        return list.Data.Select(StripeObjectMapper.ToSubscription).ToList();
    }

    public Task<StripeInvoice?> GetInvoiceAsync(string id, CancellationToken cancellationToken = default) =>
        FindAsync(() => V1.Invoices.GetAsync(id, cancellationToken: cancellationToken), StripeObjectMapper.ToInvoice);

    public async IAsyncEnumerable<StripeInvoice> ListInvoicesAsync(string customerId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var invoice in V1.Invoices.ListAutoPagingAsync(new InvoiceListOptions { Customer = customerId, Limit = 100 },
                           cancellationToken: cancellationToken))
        {
            yield return StripeObjectMapper.ToInvoice(invoice);
        }
    }

    public async Task<IReadOnlyList<string>> ListInvoiceChargeIdsAsync(string invoiceId, CancellationToken cancellationToken = default)
    {
        var ids = new List<string>();
        await foreach (var payment in V1.InvoicePayments.ListAutoPagingAsync(new InvoicePaymentListOptions { Invoice = invoiceId, Limit = 100 },
                           cancellationToken: cancellationToken))
        {
            if (payment.Payment?.ChargeId is { } chargeId)
            {
                ids.Add(chargeId);
            }
            else if (payment.Payment?.PaymentIntentId is { } intentId)
            {
                var charges = await V1.Charges.ListAsync(new ChargeListOptions { PaymentIntent = intentId }, cancellationToken: cancellationToken);
                ids.AddRange(charges.Data.Select(c => c.Id));
            }
        }
        return ids;
    }

    public Task<StripeCharge?> GetChargeAsync(string id, CancellationToken cancellationToken = default) =>
        FindAsync(() => V1.Charges.GetAsync(id, cancellationToken: cancellationToken), StripeObjectMapper.ToCharge);

    public async IAsyncEnumerable<StripeCharge> ListChargesAsync(string customerId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var charge in V1.Charges.ListAutoPagingAsync(new ChargeListOptions { Customer = customerId, Limit = 100 },
                           cancellationToken: cancellationToken))
        {
            yield return StripeObjectMapper.ToCharge(charge);
        }
    }

    public Task<StripeRefund?> GetRefundAsync(string id, CancellationToken cancellationToken = default) =>
        FindAsync(() => V1.Refunds.GetAsync(id, cancellationToken: cancellationToken), StripeObjectMapper.ToRefund);

    public Task<StripeDispute?> GetDisputeAsync(string id, CancellationToken cancellationToken = default) =>
        FindAsync(() => V1.Disputes.GetAsync(id, cancellationToken: cancellationToken), StripeObjectMapper.ToDispute);

    private static async Task<TOut?> FindAsync<TIn, TOut>(Func<Task<TIn>> fetch, Func<TIn, TOut> map)
        where TOut : class
    {
        try
        {
            return map(await fetch());
        }
        catch (StripeException e) when (e.HttpStatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}

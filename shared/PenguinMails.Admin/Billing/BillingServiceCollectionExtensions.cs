using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Billing.Disputes;
using PenguinMails.Admin.Billing.Refunds;

namespace PenguinMails.Admin.Billing;

public static class BillingServiceCollectionExtensions
{
    /// <summary>
    /// The Stripe event handlers (one per event type), the webhook intake, finance, disputes and refunds. Finance tickets
    /// go to the Tickets feature's finance queue.
    /// </summary>
    public static IServiceCollection AddBilling(this IServiceCollection services)
    {
        services.AddSingleton<IStripeEventHandler, SubscriptionEventHandler>();
        services.AddSingleton<IStripeEventHandler, InvoiceEventHandler>();
        services.AddSingleton<IStripeEventHandler, ChargeEventHandler>();
        services.AddSingleton<IStripeEventHandler, RefundEventHandler>();
        services.AddSingleton<IStripeEventHandler, DisputeEventHandler>();
        services.AddSingleton<StripeWebhookIntake>();
        services.AddSingleton<StripeEventProcessor>();
        services.AddSingleton<StripeEventReplayService>();
        services.AddSingleton<BillingStatusService>();
        services.AddSingleton<FinanceService>();
        services.AddSingleton<DisputeService>();
        services.AddSingleton<DuplicateChargeVerifier>();
        services.AddSingleton<RefundRequestService>();
        services.AddSingleton<RefundConfirmationService>();
        // Billing's disputes and refund requests are tickets on the finance queue.
        services.AddSingleton<IFinanceTicketDesk, FinanceTicketDesk>();
        return services;
    }
}

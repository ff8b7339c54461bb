using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Billing.Disputes;
using PenguinMails.Admin.Billing.Refunds;
using PenguinMails.Admin.Infrastructure.Billing;

namespace PenguinMails.Admin.Infrastructure;

public static class BillingServiceCollectionExtensions
{
    /// <summary>
    /// Stripe (API and webhook verification), the billing tables and the <c>stripe-events</c> queue, and the billing
    /// services. Finance tickets go to the Tickets feature's finance queue.
    /// </summary>
    public static IServiceCollection AddBillingInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Stripe").Get<StripeOptions>() ?? new StripeOptions());
        services.AddStorageTables(TableBillingDirectory.TableName, TableTransactionMirror.TableName, TableStripeEventStore.TableName,
            TableRefundChargeIndex.TableName);
        services.AddStorageQueues(StorageStripeEventQueue.QueueName);
        services.AddHttpClient(nameof(StripeNetBilling));
        services.AddSingleton<IStripeBilling>(sp => new StripeNetBilling(sp.GetRequiredService<StripeOptions>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(StripeNetBilling))));
        services.AddSingleton<IStripeWebhookVerifier, StripeWebhookVerifier>();
        services.AddSingleton<ITenantBillingDirectory, TableBillingDirectory>();
        services.AddSingleton<ITransactionMirror, TableTransactionMirror>();
        services.AddSingleton<IStripeEventStore, TableStripeEventStore>();
        services.AddSingleton<IStripeEventQueue, StorageStripeEventQueue>();
        services.AddSingleton<IRefundChargeIndex, TableRefundChargeIndex>();
        services.AddBillingServices();
        return services;
    }

    private static void AddBillingServices(this IServiceCollection services)
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
    }
}

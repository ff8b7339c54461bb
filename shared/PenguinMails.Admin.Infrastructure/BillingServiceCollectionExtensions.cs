using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Infrastructure.Billing;

namespace PenguinMails.Admin.Infrastructure;

public static class BillingServiceCollectionExtensions
{
    /// <summary>Stripe (API and webhook verification), the billing tables and queues, and the billing services.</summary>
    public static IServiceCollection AddBillingInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Stripe").Get<StripeOptions>() ?? new StripeOptions());
        services.AddStorageTables(TableBillingDirectory.TableName, TableTransactionMirror.TableName, TableStripeEventStore.TableName,
            TableFinanceTicketDesk.TableName, TableRefundRequestStore.TableName);
        services.AddStorageQueues(StorageBillingQueues.StripeEvents, StorageBillingQueues.RefundRequests);
        services.AddHttpClient(nameof(StripeNetBilling));
        services.AddSingleton<IStripeBilling>(sp => new StripeNetBilling(sp.GetRequiredService<StripeOptions>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(StripeNetBilling))));
        services.AddSingleton<IStripeWebhookVerifier, StripeWebhookVerifier>();
        services.AddSingleton<TableBillingDirectory>();
        services.AddSingleton<ITenantBillingDirectory>(sp => new TenantSyncingBillingDirectory(
            sp.GetRequiredService<TableBillingDirectory>(), sp.GetRequiredService<PenguinMails.Admin.Tenants.TenantService>()));
        services.AddSingleton<ITransactionMirror, TableTransactionMirror>();
        services.AddSingleton<IStripeEventStore, TableStripeEventStore>();
        services.AddSingleton<StorageBillingQueues>();
        services.AddSingleton<IStripeEventQueue>(sp => sp.GetRequiredService<StorageBillingQueues>());
        services.AddSingleton<IRefundWorkflowStarter>(sp => sp.GetRequiredService<StorageBillingQueues>());
        services.AddSingleton<IFinanceTicketDesk, TableFinanceTicketDesk>();
        services.AddSingleton<IRefundRequestStore, TableRefundRequestStore>();
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
        services.AddSingleton<BillingStatusService>();
        services.AddSingleton<FinanceService>();
        services.AddSingleton<DisputeService>();
        services.AddSingleton<DuplicateChargeVerifier>();
        services.AddSingleton<RefundRequestService>();
        services.AddSingleton<RefundVerificationStep>();
        services.AddSingleton<RefundConfirmationService>();
        services.AddSingleton<RefundDeadlines>();
    }
}

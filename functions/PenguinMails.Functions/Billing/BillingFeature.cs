using PenguinMails.Admin.Billing.Disputes;
using PenguinMails.Admin.Billing.Refunds;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Infrastructure;
using PenguinMails.Admin.Infrastructure.Billing;
using PenguinMails.Admin.Infrastructure.Billing.Workflows;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Billing;

public static class BillingFeature
{
    public static WebApplicationBuilder AddBilling(this WebApplicationBuilder builder)
    {
        builder.Services.AddBillingInfrastructure(builder.Configuration);
        builder.Services.AddBillingWorkflows(builder.Configuration);
        builder.Services.AddQueueFunction<ProcessStripeEventFunction>("ProcessStripeEvent", StorageStripeEventQueue.QueueName);
        builder.Services.AddServiceBusFunction<ApplyTenantStatusChangeFunction>("ApplyTenantStatusChange", EventDestinations.TenantStatusChanges);
        return builder;
    }

    public static void MapBilling(this WebApplication app)
    {
        app.MapStripeWebhookApi();
        app.MapFinanceApi();
    }
}

using PenguinMails.Admin.Events;
using PenguinMails.Admin.Infrastructure;
using PenguinMails.Admin.Infrastructure.Billing;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Billing;

public static class BillingFeature
{
    public static WebApplicationBuilder AddBilling(this WebApplicationBuilder builder)
    {
        builder.Services.AddBillingInfrastructure(builder.Configuration);
        builder.Services.AddQueueFunction<ProcessStripeEventFunction>("ProcessStripeEvent", StorageBillingQueues.StripeEvents);
        builder.Services.AddServiceBusFunction<ApplyTenantStatusChangeFunction>("ApplyTenantStatusChange", EventDestinations.TenantStatusChanges);
        builder.Services.AddQueueFunction<RunRefundStepsFunction>("RunRefundSteps", StorageBillingQueues.RefundRequests);
        builder.Services.AddTimerFunction<RefundDeadlinesFunction>("RefundDeadlines", RefundDeadlinesFunction.Schedule);
        return builder;
    }

    public static void MapBilling(this WebApplication app)
    {
        app.MapStripeWebhookApi();
        app.MapFinanceApi();
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Billing.Disputes;
using PenguinMails.Admin.Billing.Refunds;

namespace PenguinMails.Admin.Infrastructure.Billing.Workflows;

public static class BillingWorkflowsServiceCollectionExtensions
{
    /// <summary>The refund-request and billing-dispute orchestrators and their steps.</summary>
    public static IServiceCollection AddBillingWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Billing:Refunds").Get<RefundDeadlines>() ?? new RefundDeadlines());
        return services
            .AddOrchestrator<RefundRequestOrchestrator>(RefundWorkflow.Definition)
            .AddOrchestrator<BillingDisputeOrchestrator>(BillingDisputeWorkflow.Definition)
            .AddActivity<VerifyDuplicateCharge>()
            .AddActivity<OpenRefundTicket>()
            .AddActivity<RemindOnRefundTicket>()
            .AddActivity<EscalateRefundTicket>()
            .AddActivity<CloseRefundTicket>()
            .AddActivity<NotifyCustomer>()
            .AddActivity<OpenDisputeTicket>()
            .AddActivity<CloseDisputeTicket>();
    }
}

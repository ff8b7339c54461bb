using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure.Workflows;
using PenguinMails.Admin.Users.Workflow;

namespace PenguinMails.Admin.Infrastructure.Users.Workflows;

public static class UsersWorkflowsServiceCollectionExtensions
{
    /// <summary>The users-bulk orchestrator and its steps.</summary>
    public static IServiceCollection AddUsersWorkflows(this IServiceCollection services) => services
        .AddOrchestrator<BulkUsersOrchestrator>(BulkUserWorkflows.Definition)
        .AddActivity<ApplyBulkBatch>()
        .AddActivity<AuditBulkSummary>();
}

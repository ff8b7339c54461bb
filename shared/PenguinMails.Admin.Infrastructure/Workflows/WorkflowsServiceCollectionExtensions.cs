using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PenguinMails.Admin.Infrastructure.Workflows;
using PenguinMails.Admin.Monitoring;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Infrastructure;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// The workflow engine on Azure Tables and the <c>workflow-work</c> queue, with the client, the sweeper and the run
    /// log, which also answers the monitoring jobs report per workflow type.
    /// </summary>
    public static IServiceCollection AddWorkflowsInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStorageTables(TableWorkflowStore.TableName, TableWorkflowRunLog.TableName);
        services.AddStorageQueues(StorageWorkflowWorkQueue.QueueName);
        services.AddSingleton(configuration.GetSection("Workflows").Get<WorkflowOptions>() ?? new WorkflowOptions());
        services.AddSingleton<IWorkflowStore, TableWorkflowStore>();
        services.AddSingleton<IWorkflowRunLog, TableWorkflowRunLog>();
        services.AddSingleton<IWorkflowStatsSource, WorkflowRunStats>();
        services.AddSingleton<IWorkflowWorkQueue, StorageWorkflowWorkQueue>();
        services.AddSingleton(sp => new WorkflowRegistry(sp.GetServices<WorkflowDefinition>()));
        services.AddSingleton<WorkflowFailureReporter>();
        services.AddSingleton<WorkflowClient>();
        services.AddSingleton<WorkflowSweeper>();
        // Scoped: one engine per invocation, so activities resolve from the invocation's scope.
        services.AddScoped<WorkflowEngine>();
        return services;
    }

    /// <summary>Registers a feature's workflow definition and every activity it uses.</summary>
    public static IServiceCollection AddWorkflowDefinition(this IServiceCollection services, WorkflowDefinition definition)
    {
        services.AddSingleton(definition);
        foreach (var activity in definition.ActivityTypes)
        {
            services.TryAddTransient(activity);
        }
        return services;
    }
}

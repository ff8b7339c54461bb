using Microsoft.DurableTask;
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
    /// The Durable Task Framework engine on the app's storage account: the task hub, the worker as a hosted service
    /// (unless <c>Workflows__RunWorker</c> is false), the workflow port, and the run queries monitoring reads.
    /// </summary>
    public static IServiceCollection AddWorkflowsInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Workflows").Get<DurableWorkflowOptions>() ?? new DurableWorkflowOptions());
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DurableTaskHub>(sp));
        services.AddSingleton(sp => new WorkflowRegistry(sp.GetServices<WorkflowDefinition>()));
        services.AddSingleton<WorkflowFailureReporter>();
        services.AddSingleton<IWorkflowClient, DurableWorkflowClient>();
        services.AddSingleton<IWorkflowRunLog, DurableWorkflowRunLog>();
        services.AddSingleton<IWorkflowStatsSource, WorkflowRunStats>();
        services.AddSingleton(new ActivityRegistration(nameof(ReportWorkflowFailure), typeof(ReportWorkflowFailure)));
        services.AddHostedService<WorkflowWorker>();
        return services;
    }

    /// <summary>
    /// Registers <typeparamref name="TOrchestrator"/> as the orchestration of <paramref name="definition"/> (named after its
    /// type), and the definition itself, which the status API and the permission checks read.
    /// </summary>
    public static IServiceCollection AddOrchestrator<TOrchestrator>(this IServiceCollection services, WorkflowDefinition definition)
        where TOrchestrator : class, ITaskOrchestrator
    {
        services.AddSingleton(definition);
        services.AddSingleton(new OrchestratorRegistration(definition.Type, typeof(TOrchestrator)));
        return services;
    }

    /// <summary>
    /// Registers the core step <typeparamref name="TStep"/> as an activity named after its class, so orchestrators call it
    /// by its type (<see cref="WorkflowSteps.RunAsync{TStep}"/>). Registering a step twice (two workflows share it) is fine.
    /// </summary>
    public static IServiceCollection AddActivity<TStep>(this IServiceCollection services) where TStep : class, IWorkflowActivity
    {
        services.TryAddTransient<TStep>();
        var name = StepActivity<TStep>.Name;
        if (!services.Any(d => d.ImplementationInstance is ActivityRegistration registered && registered.Name == name))
        {
            services.AddSingleton(new ActivityRegistration(name, typeof(StepActivity<TStep>)));
        }
        return services;
    }
}

using PenguinMails.Admin.Infrastructure;
using PenguinMails.Admin.Infrastructure.Workflows;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Workflows;

public static class WorkflowsFeature
{
    public static WebApplicationBuilder AddWorkflows(this WebApplicationBuilder builder)
    {
        builder.Services.AddWorkflowsInfrastructure(builder.Configuration);
        builder.Services.AddQueueFunction<ProcessWorkflowWorkFunction>(ProcessWorkflowWorkFunction.Name, StorageWorkflowWorkQueue.QueueName);
        builder.Services.AddTimerFunction<SweepWorkflowsFunction>(SweepWorkflowsFunction.Name, SweepWorkflowsFunction.Schedule);
        return builder;
    }

    public static void MapWorkflows(this WebApplication app) => app.MapWorkflowsApi();
}

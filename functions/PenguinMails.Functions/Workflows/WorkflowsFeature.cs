using PenguinMails.Admin.Infrastructure;

namespace PenguinMails.Functions.Workflows;

public static class WorkflowsFeature
{
    public static WebApplicationBuilder AddWorkflows(this WebApplicationBuilder builder)
    {
        builder.Services.AddWorkflowsInfrastructure(builder.Configuration);
        return builder;
    }

    public static void MapWorkflows(this WebApplication app) => app.MapWorkflowsApi();
}

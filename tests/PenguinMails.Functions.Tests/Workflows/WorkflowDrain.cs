using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Workflows;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Workflows;

/// <summary>Waits until the app's worker has nothing left to do: no instance is Pending or Running.</summary>
public static class WorkflowDrain
{
    public static async Task UntilIdleAsync(AdminAppFactory app, TimeSpan? timeout = null)
    {
        var workflows = app.Services.GetRequiredService<IWorkflowClient>();
        await Eventually.TrueAsync(async () =>
        {
            foreach (var status in new[] { WorkflowRuntimeStatus.Pending, WorkflowRuntimeStatus.Running })
            {
                if ((await workflows.ListAsync(new WorkflowFilter(null, status), PageRequest.First(1))).Items.Count > 0)
                {
                    return false;
                }
            }
            return true;
        }, timeout ?? TimeSpan.FromSeconds(60), "Workflows were still running.");
    }
}

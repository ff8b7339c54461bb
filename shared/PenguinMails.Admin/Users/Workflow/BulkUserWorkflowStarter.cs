using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Users.Workflow;

/// <summary>
/// Starts a real bulk run over more than <see cref="BulkUserPlan.SynchronousLimit"/> users as a <c>users-bulk</c>
/// workflow: the same checks as a synchronous run, then the plan (every batch's ids) is saved before the instance
/// starts, so a batch always finds its users.
/// </summary>
public sealed class BulkUserWorkflowStarter(BulkUserService bulk, IBulkUserResultStore results, IWorkflowClient workflows)
{
    /// <summary>Whether <paramref name="command"/> over <paramref name="userCount"/> ids runs as a workflow rather than in the request.</summary>
    public static bool RunsAsWorkflow(BulkUserCommand command, int userCount) => !command.DryRun && userCount > BulkUserPlan.SynchronousLimit;

    public async Task<WorkflowStart> StartAsync(Actor actor, BulkUserCommand command, CancellationToken cancellationToken = default)
    {
        await bulk.CheckAsync(actor, command, cancellationToken);
        var batches = BulkUserPlan.Batches(command.UserIds);
        var id = BulkUserWorkflows.NewId();
        await results.SavePlanAsync(id, batches, cancellationToken);
        var input = new BulkUserWorkflowInput(command with { UserIds = [] }, batches.Count, batches.Sum(b => b.Count));
        return await workflows.StartAsync(actor, BulkUserWorkflows.Type, id, input, Reason.Required(command.Reason), cancellationToken);
    }
}

using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Users.Workflow;

/// <summary>
/// One batch of a <c>users-bulk</c> instance (the step's item is the batch index), through
/// <see cref="BulkUserBatchProcessor"/>: at least once, with each user's change applied once.
/// </summary>
public sealed class ApplyBulkBatch(BulkUserBatchProcessor processor) : IWorkflowActivity
{
    public async Task<object?> RunAsync(WorkflowActivityContext context, CancellationToken cancellationToken)
    {
        var input = context.GetInput<BulkUserWorkflowInput>();
        var index = context.Item ?? throw new InvalidOperationException($"{nameof(ApplyBulkBatch)} runs once per batch and needs the batch index.");
        return await processor.ProcessAsync(context.Actor, new BulkUserBatch(context.InstanceId, index, input.Command), cancellationToken);
    }
}

using System.Text.Json;
using PenguinMails.Admin.Infrastructure.Workflows;
using PenguinMails.Admin.Users;
using PenguinMails.Admin.Users.Workflow;

namespace PenguinMails.Admin.Infrastructure.Users.Workflows;

/// <summary>
/// A bulk run off the request: the plan's batches, <see cref="BulkUserWorkflows.Parallelism"/> at a time, with the
/// counts so far published after each round (custom status "ApplyBulkBatch: 1000/10000 users: …"), then the summary
/// audit event. A crash replays the finished batches from history and re-runs only the batch that was in flight,
/// which recognises the users it already changed.
/// </summary>
public sealed class BulkUsersOrchestrator(DurableWorkflowOptions options) : WorkflowOrchestrator(options)
{
    protected override string Type => BulkUserWorkflows.Type;

    protected override async Task RunStepsAsync(WorkflowSteps steps)
    {
        var input = steps.Envelope.Input?.Deserialize<BulkUserWorkflowInput>(JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("A users-bulk instance needs its input.");
        var progress = BulkUserProgress.Start(input);
        steps.Record(nameof(ApplyBulkBatch), progress, progress.Describe());
        for (var first = 0; first < input.Batches; first += BulkUserWorkflows.Parallelism)
        {
            var round = Enumerable.Range(first, Math.Min(BulkUserWorkflows.Parallelism, input.Batches - first)).ToList();
            progress = progress.Add(await steps.RunItemsAsync<ApplyBulkBatch, BulkBatchSummary>(round));
            steps.Record(nameof(ApplyBulkBatch), progress, progress.Describe());
        }
        await steps.RunAsync<AuditBulkSummary>();
        steps.FinishWith($"Completed: {progress.Describe()}");
    }
}

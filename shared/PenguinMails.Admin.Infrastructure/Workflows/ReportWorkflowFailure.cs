using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>
/// The activity every orchestration calls before it fails: the audit event and the alert on the common alert path
/// (<see cref="WorkflowFailureReporter"/>, once per instance and execution, so a re-run reports nothing twice).
/// </summary>
public sealed class ReportWorkflowFailure(IServiceScopeFactory scopes) : TaskActivity<WorkflowFailure, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, WorkflowFailure input)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowFailureReporter>().ReportAsync(input);
        return true;
    }
}

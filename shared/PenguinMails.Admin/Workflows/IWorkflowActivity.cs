namespace PenguinMails.Admin.Workflows;

/// <summary>
/// The business logic of one activity step, free of engine types; the engine runs it through its own activity class.
/// The engine delivers at least once: after a crash an activity may run again for the same
/// <see cref="WorkflowActivityContext.IdempotencyKey"/>, so it must be idempotent (check the target's state, or pass
/// the key on to the system it calls). The returned value is stored as the step's output. Throwing fails the attempt;
/// an <see cref="Common.AdminException"/> with a 4xx status (other than 408, 412 and 429) is not retried.
/// </summary>
public interface IWorkflowActivity
{
    Task<object?> RunAsync(WorkflowActivityContext context, CancellationToken cancellationToken);
}

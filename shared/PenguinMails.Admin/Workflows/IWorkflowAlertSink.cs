namespace PenguinMails.Admin.Workflows;

/// <summary>Where a failed workflow raises its alert, so an operator hears about it (at least once per failure).</summary>
public interface IWorkflowAlertSink
{
    Task RaiseAsync(WorkflowFailureAlert alert, CancellationToken cancellationToken = default);
}

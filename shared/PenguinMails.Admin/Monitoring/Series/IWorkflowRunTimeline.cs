namespace PenguinMails.Admin.Monitoring.Series;

/// <summary>
/// When workflow executions started, completed and failed, from the workflow engine's durable records, so every instance
/// charts the same figures. Terminations are not events of this timeline.
/// </summary>
public interface IWorkflowRunTimeline
{
    /// <summary>The registered workflow types.</summary>
    IReadOnlyCollection<string> Types { get; }

    /// <summary>Events of <paramref name="type"/> (every type when null) in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    Task<IReadOnlyList<WorkflowRunEvent>> ListAsync(string? type, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}

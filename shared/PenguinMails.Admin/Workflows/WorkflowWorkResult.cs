namespace PenguinMails.Admin.Workflows;

/// <summary>The outcome of one work item, with the activity's exception when an attempt failed (for the host's logs).</summary>
public sealed record WorkflowWorkResult(WorkflowWorkOutcome Outcome, string? Step = null, Exception? ActivityException = null);

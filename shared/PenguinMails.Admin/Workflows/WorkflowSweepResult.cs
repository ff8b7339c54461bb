namespace PenguinMails.Admin.Workflows;

/// <summary>How many instances a sweep re-drove, or how far behind the workers were when it held back.</summary>
public sealed record WorkflowSweepResult(int Redriven, TimeSpan? WorkersBehindBy);

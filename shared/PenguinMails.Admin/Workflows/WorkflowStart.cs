namespace PenguinMails.Admin.Workflows;

/// <summary>The instance a start request leads to; <see cref="Created"/> is false when one was already running.</summary>
public sealed record WorkflowStart(string InstanceId, bool Created);

namespace PenguinMails.Workflows.CrashHost;

/// <summary>
/// The workflow's input: the label its episodes are logged under (the tests use the instance id), and how long Hold
/// waits for <see cref="CrashTestWorkflow.Release"/> before its durable timer ends the wait (null: until it comes).
/// </summary>
public sealed record CrashTestInput(string Label, int? HoldSeconds);

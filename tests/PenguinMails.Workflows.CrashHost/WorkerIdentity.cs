namespace PenguinMails.Workflows.CrashHost;

/// <summary>Which process ran a step: recorded with every run, so the tests see who did what.</summary>
public sealed record WorkerIdentity(string Name);

namespace PenguinMails.Workflows.CrashHost;

/// <summary>One effect or one run of a step, and the worker process that made it.</summary>
public sealed record LedgerRow(string Step, string Worker);

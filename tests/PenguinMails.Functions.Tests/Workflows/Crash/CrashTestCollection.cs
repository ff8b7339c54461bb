namespace PenguinMails.Functions.Tests.Workflows.Crash;

/// <summary>The crash tests run one at a time: each starts worker processes, and two cores shared with the rest of the run are few.</summary>
[CollectionDefinition(Name)]
public sealed class CrashTestCollection
{
    public const string Name = "Crash tests";
}

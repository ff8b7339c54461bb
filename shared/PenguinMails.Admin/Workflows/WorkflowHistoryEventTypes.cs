namespace PenguinMails.Admin.Workflows;

/// <summary>The event types that appear in an instance's history.</summary>
public static class WorkflowHistoryEventTypes
{
    public const string ExecutionStarted = "ExecutionStarted";
    public const string ActivityCompleted = "ActivityCompleted";
    public const string ActivityFailed = "ActivityFailed";
    public const string TimerFired = "TimerFired";
    public const string EventRaised = "EventRaised";
    public const string EventReceived = "EventReceived";
    public const string EventTimedOut = "EventTimedOut";
    public const string ExecutionCompleted = "ExecutionCompleted";
    public const string ExecutionFailed = "ExecutionFailed";
    public const string ExecutionTerminated = "ExecutionTerminated";
}

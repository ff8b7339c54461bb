namespace PenguinMails.Admin.Workflows;

/// <summary>An instance's state, in Durable Functions' vocabulary (the API shows these names as they are).</summary>
public enum WorkflowRuntimeStatus
{
    Pending,
    Running,
    Waiting,
    Completed,
    Failed,
    Terminated,
}

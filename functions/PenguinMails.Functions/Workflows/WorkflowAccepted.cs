using PenguinMails.Admin.Workflows;

namespace PenguinMails.Functions.Workflows;

/// <summary>
/// The contract's answer to a long-running request: 202, <c>Location: /api/workflows/{id}</c> and
/// <c>{workflowId, statusUrl}</c>. Any feature that starts a workflow returns this.
/// </summary>
public static class WorkflowAccepted
{
    public static Accepted<WorkflowAcceptedResponse> For(WorkflowStart start) => For(start.InstanceId);

    public static Accepted<WorkflowAcceptedResponse> For(string instanceId)
    {
        var url = WorkflowUrls.Status(instanceId);
        return TypedResults.Accepted(url, new WorkflowAcceptedResponse(instanceId, url));
    }
}
